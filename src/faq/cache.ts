/**
 * The validated knowledge base, remembered between starts. Validation (YAML, the schemas, every
 * answer rendered for Telegram to check its length) costs ~200 ms of CPU and loads zod and
 * js-yaml, yet the same files checked by the same code always give the same result. So the
 * result is kept in a file keyed by a SHA-256 of everything it depends on: the knowledge-base
 * files (names and contents), this service's code, the validating libraries' versions and
 * Node's. Any change to any of them misses, and the files are validated in full. Only start-up
 * uses this; reloads (SIGHUP, FAQ_WATCH) and `faq:check` always validate in full.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readKnowledgeBaseFiles } from "./files.js";
import type { KnowledgeBase } from "./types.js";

/** Name of the cache file inside its folder (`DATA_DIR` in the service). */
export const KNOWLEDGE_BASE_CACHE_FILE = "knowledge-base.cache.json";

/** Bump when the cached shape of a knowledge base changes. */
const CACHE_FORMAT = 1;
/** The libraries whose behaviour decides what passes validation. */
const VALIDATING_PACKAGES = ["js-yaml", "marked", "zod"] as const;
/** This service's code: the folder above `faq/` (`dist/` when built, `src/` under tsx). */
const CODE_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface LoadedKnowledgeBase {
  readonly knowledgeBase: KnowledgeBase;
  /** True when validation was skipped because these exact files passed it before. */
  readonly fromCache: boolean;
}

/**
 * Loads the knowledge base in `faqDir` like `loadKnowledgeBase`, reusing the result cached in
 * `cacheDir` when nothing it depends on has changed. Throws `KnowledgeBaseError` on invalid
 * files (nothing is cached then). The cache is best effort: if it cannot be read or written,
 * the files are simply validated.
 */
export async function loadKnowledgeBaseCached(
  faqDir: string,
  cacheDir: string,
): Promise<LoadedKnowledgeBase> {
  const files = await readKnowledgeBaseFiles(faqDir);
  const key = cacheKey(files);
  const cachePath = path.join(cacheDir, KNOWLEDGE_BASE_CACHE_FILE);
  const cached = readCache(cachePath, key);
  if (cached !== undefined) return { knowledgeBase: cached, fromCache: true };

  // The validator (zod, js-yaml) is loaded only when it has work to do.
  const { parseKnowledgeBase } = await import("./loader.js");
  const knowledgeBase = parseKnowledgeBase(files);
  await writeCache(cachePath, key, knowledgeBase);
  return { knowledgeBase, fromCache: false };
}

// The reads below are synchronous: at start-up nothing else waits, and for ~100 small files
// fs/promises' readFile costs several times more CPU.

function cacheKey(files: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  // Each value is preceded by its label and length, so no two inputs hash alike by shifting bytes.
  const add = (label: string, value: string | Buffer) =>
    hash.update(`${label}\0${Buffer.byteLength(value)}\0`).update(value);
  add("format", String(CACHE_FORMAT));
  add("node", process.version);
  for (const name of VALIDATING_PACKAGES) add(name, packageVersion(name));
  for (const name of codeFiles()) add(`code:${name}`, readFileSync(path.join(CODE_ROOT, name)));
  for (const [name, content] of files) add(`faq:${name}`, content);
  return hash.digest("hex");
}

/** Every script under the code root, so that any change to the code invalidates the cache. */
function codeFiles(): string[] {
  return readdirSync(CODE_ROOT, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.[cm]?[jt]s$/.test(name))
    .sort();
}

/** The installed version of a package, found as Node finds it: node_modules folders upwards. */
function packageVersion(name: string): string {
  for (let dir = CODE_ROOT; ; dir = path.dirname(dir)) {
    try {
      const manifest = path.join(dir, "node_modules", name, "package.json");
      return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    } catch {
      if (path.dirname(dir) === dir) return "not found";
    }
  }
}

function readCache(file: string, key: string): KnowledgeBase | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as {
      key?: unknown;
      knowledgeBase?: KnowledgeBase;
    };
    return cached.key === key ? cached.knowledgeBase : undefined;
  } catch {
    return undefined; // missing or unreadable: validate
  }
}

async function writeCache(file: string, key: string, knowledgeBase: KnowledgeBase): Promise<void> {
  // Written aside then renamed, so a concurrent start never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify({ key, knowledgeBase }));
    await rename(temporary, file);
  } catch {
    // A read-only folder only means the next start validates again.
  }
}
