import type { AnswerService } from "./service.js";

/** Thrown when an answer is needed before the first index is built (HTTP: 503). */
export class ServiceNotReadyError extends Error {
  /** Fastify answers with this status (the error handler says "try again shortly"). */
  readonly statusCode = 503;
  constructor() {
    super("The answer service is not ready yet");
    this.name = "ServiceNotReadyError";
  }
}

/**
 * The answer service currently serving. Empty until the first index is built (so `/readyz`
 * says 503); replaced as a whole on reload, so a request sees one service from start to end.
 */
export class AnswerServiceHolder {
  #service: AnswerService | undefined;
  #loadedAt: Date | undefined;

  get current(): AnswerService | undefined {
    return this.#service;
  }

  /** The service currently serving; throws {@link ServiceNotReadyError} before the first build. */
  get serving(): AnswerService {
    const service = this.#service;
    if (service === undefined) throw new ServiceNotReadyError();
    return service;
  }

  get loadedAt(): Date | undefined {
    return this.#loadedAt;
  }

  set(service: AnswerService): void {
    this.#service = service;
    this.#loadedAt = new Date();
  }
}
