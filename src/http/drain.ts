/**
 * Draining before shutdown: once {@link DrainSwitch.start} is called, every request is answered
 * 503 with `Connection: close` and `Retry-After` while the server still listens, so clients on
 * kept-alive connections get an answer and a closed connection rather than a reset, and
 * Telegram delivers its updates again later (to another instance, or to this one after the
 * restart). The process then finishes its in-flight work and closes the server.
 */
import type { FastifyInstance, onRequestHookHandler } from "fastify";

export class DrainSwitch {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  start(): void {
    this.#draining = true;
  }
}

/** Registers the hook that answers every request 503 while `drain` is on (first of all hooks). */
export function registerDraining(app: FastifyInstance, drain: DrainSwitch): void {
  const hook: onRequestHookHandler = (_request, reply, done) => {
    if (!drain.draining) return done();
    reply.code(503).header("connection", "close").header("retry-after", "5").send({
      error: "service_unavailable",
      message: "The service is shutting down; try again shortly.",
    });
  };
  app.addHook("onRequest", hook);
}
