import type { AnswerEngine } from "../search/engine.js";

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

  get loadedAt(): Date | undefined {
    return this.#loadedAt;
  }

  set(engine: AnswerEngine): void {
    this.#engine = engine;
    this.#loadedAt = new Date();
  }
}
