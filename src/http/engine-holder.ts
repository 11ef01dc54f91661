import type { AnswerEngine } from "../search/engine.js";

/** Thrown when an answer is needed before the first index is built (HTTP: 503). */
export class EngineNotReadyError extends Error {
  /** Fastify answers with this status (the error handler says "try again shortly"). */
  readonly statusCode = 503;
  constructor() {
    super("The answer engine is not ready yet");
    this.name = "EngineNotReadyError";
  }
}

/**
 * The engine currently serving. Empty until the first index is built (so `/readyz` says 503);
 * replaced as a whole on reload, so a request sees one engine from start to end.
 */
export class EngineHolder {
  #engine: AnswerEngine | undefined;
  #loadedAt: Date | undefined;

  get current(): AnswerEngine | undefined {
    return this.#engine;
  }

  /** The engine currently serving; throws {@link EngineNotReadyError} before the first build. */
  get serving(): AnswerEngine {
    const engine = this.#engine;
    if (engine === undefined) throw new EngineNotReadyError();
    return engine;
  }

  get loadedAt(): Date | undefined {
    return this.#loadedAt;
  }

  set(engine: AnswerEngine): void {
    this.#engine = engine;
    this.#loadedAt = new Date();
  }
}
