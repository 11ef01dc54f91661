/**
 * A logger for what starts before the real one exists: the store opens (and may report a
 * Redis problem) before Fastify, which creates the process logger, is built. Lines logged
 * before {@link DeferredLogger.attach} are kept (a bounded few) and replayed into the real
 * logger, so nothing from start-up is lost or printed in another format.
 */
import type { StoreLogger } from "../store/insights.js";

type Level = "info" | "warn" | "error";

/** Most lines kept before the real logger is attached. */
const MAX_BUFFERED = 100;

export class DeferredLogger implements StoreLogger {
  #target: StoreLogger | undefined;
  readonly #buffered: { level: Level; obj: object; msg: string | undefined }[] = [];

  info(obj: object, msg?: string): void {
    this.#write("info", obj, msg);
  }

  warn(obj: object, msg?: string): void {
    this.#write("warn", obj, msg);
  }

  error(obj: object, msg?: string): void {
    this.#write("error", obj, msg);
  }

  /** From now on, lines go to `target`; the buffered ones are written there first. */
  attach(target: StoreLogger): void {
    this.#target = target;
    for (const { level, obj, msg } of this.#buffered.splice(0)) target[level](obj, msg);
  }

  #write(level: Level, obj: object, msg: string | undefined): void {
    if (this.#target !== undefined) this.#target[level](obj, msg);
    else if (this.#buffered.length < MAX_BUFFERED) this.#buffered.push({ level, obj, msg });
  }
}
