import { AnswerService } from "../../src/answering/service.js";
import { loadKnowledgeBase } from "../../src/faq/loader.js";
import type { KnowledgeBase } from "../../src/faq/types.js";
import { AnswerEngine, type EngineOptions } from "../../src/search/engine.js";

let real: Promise<KnowledgeBase> | undefined;

/** The project's real knowledge base, loaded once per test file. */
export function realKnowledgeBase(): Promise<KnowledgeBase> {
  real ??= loadKnowledgeBase(new URL("../../faq", import.meta.url).pathname);
  return real;
}

export async function realEngine(options: EngineOptions = {}): Promise<AnswerEngine> {
  return AnswerEngine.build(await realKnowledgeBase(), { cacheSize: 0, ...options });
}

/** The answer service over the real knowledge base (every language), caches off by default. */
export async function realService(options: EngineOptions = {}): Promise<AnswerService> {
  return AnswerService.build(await realKnowledgeBase(), { cacheSize: 0, ...options });
}
