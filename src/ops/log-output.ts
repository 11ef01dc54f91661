import type { FastifyServerOptions } from "fastify";

/** Where logs go and what it is (a terminal or not). */
export interface LogTarget {
  readonly isTTY?: boolean;
  /** Default: the process's standard output. */
  readonly stream?: NodeJS.WritableStream;
}

/**
 * The Fastify logger options for a level and format. `json` (and `auto` off a terminal) writes
 * pino's JSON lines, for log collectors; `pretty` (and `auto` on a terminal, as in `npm run dev`)
 * writes readable lines through pino-pretty, loaded only then. Synchronous, so the last lines
 * before an exit are not lost.
 */
export async function loggerOptions(
  level: string,
  format: "auto" | "json" | "pretty",
  target: LogTarget = { isTTY: process.stdout.isTTY, stream: process.stdout },
): Promise<NonNullable<FastifyServerOptions["logger"]>> {
  const pretty = format === "pretty" || (format === "auto" && target.isTTY === true);
  if (!pretty) return { level };
  const { default: pinoPretty } = await import("pino-pretty");
  return {
    level,
    stream: pinoPretty({
      colorize: target.isTTY === true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname",
      singleLine: true,
      sync: true,
      destination: target.stream ?? process.stdout,
    }),
  };
}
