/**
 * The knowledge base validated at build time. Validation (YAML, the schemas, every answer
 * rendered for Telegram to check its length) costs ~200 ms of CPU and loads zod and js-yaml, yet
 * the same files checked by the same code always give the same result. So `npm run build`
 * validates `faq/` in full and writes the result beside the compiled code
 * (`dist/knowledge-base.snapshot.json`), with a SHA-256 key over everything it depends on: the
 * knowledge-base files (names and contents), this service's code, the validating libraries'
 * versions and Node's. At start the service computes the key of the folder it is configured
 * with; only an exact match skips validation. Anything else (a FAQ edit without a rebuild, other
 * code, no snapshot, an unreadable one) validates in full. Nothing is ever written at runtime.
 * Reloads (SIGHUP, FAQ_WATCH) and `faq:check` always validate in full.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readKnowledgeBaseFiles } from "./files.js";
import type { Language } from "../text/languages.js";
import type { Edition, KnowledgeBase } from "./types.js";

/** This service's code: the folder above `faq/` (`dist/` when built, `src/` under tsx). */
const CODE_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where the build writes the snapshot and the service looks for it: beside the code. */
export const DEFAULT_SNAPSHOT_FILE = path.join(CODE_ROOT, "knowledge-base.snapshot.json");

/** Bump when the snapshot's shape changes. */
const SNAPSHOT_FORMAT = 3;
/** The libraries whose behaviour decides what passes validation. */
const VALIDATING_PACKAGES = ["js-yaml", "marked", "zod"] as const;

export interface SnapshotLocation {
  /** The snapshot file; {@link DEFAULT_SNAPSHOT_FILE} unless a test says otherwise. */
  readonly snapshotFile?: string;
  /** The code the key covers (every script under it); the service's own unless a test says otherwise. */
  readonly codeRoot?: string;
}

export interface StartupKnowledgeBase {
  readonly knowledgeBase: KnowledgeBase;
  /** `snapshot`: these exact files passed validation at build time with this exact code. */
  readonly validation: "snapshot" | "full";
  /** Why the snapshot was not used, when it was not. */
  readonly snapshotMiss?: "absent" | "out of date" | "unreadable";
  /** Set when a snapshot exists but could not be read: worth a warning, never fatal. */
  readonly warning?: string;
}

/**
 * Validates the knowledge base in `faqDir` in full and writes it, with its key, as the snapshot.
 * Throws `KnowledgeBaseError` on invalid files, before anything is written.
 */
export async function writeKnowledgeBaseSnapshot(
  faqDir: string,
  location: SnapshotLocation = {},
): Promise<KnowledgeBase> {
  const files = await readKnowledgeBaseFiles(faqDir);
  const { parseKnowledgeBase } = await import("./loader.js");
  const knowledgeBase = parseKnowledgeBase(files);
  const file = location.snapshotFile ?? DEFAULT_SNAPSHOT_FILE;
  const key = snapshotKey(files, location.codeRoot ?? CODE_ROOT);
  // Written aside then renamed, so a service starting meanwhile never reads half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  // Translations are a Map, which JSON writes as {}: stored as its [language, edition] pairs.
  const stored = { ...knowledgeBase, translations: [...knowledgeBase.translations] };
  await writeFile(temporary, JSON.stringify({ key, knowledgeBase: stored }));
  await rename(temporary, file);
  return knowledgeBase;
}

/**
 * Loads the knowledge base in `faqDir` for start-up: from the snapshot when its key matches these
 * files and this code, otherwise validated in full. Throws `KnowledgeBaseError` on invalid files.
 */
export async function loadKnowledgeBaseAtStart(
  faqDir: string,
  location: SnapshotLocation = {},
): Promise<StartupKnowledgeBase> {
  const files = await readKnowledgeBaseFiles(faqDir);
  const file = location.snapshotFile ?? DEFAULT_SNAPSHOT_FILE;
  const snapshot = readSnapshot(file, snapshotKey(files, location.codeRoot ?? CODE_ROOT));
  if ("knowledgeBase" in snapshot) return { ...snapshot, validation: "snapshot" };

  // The validator (zod, js-yaml) is loaded only when it has work to do.
  const { parseKnowledgeBase } = await import("./loader.js");
  return { ...snapshot, knowledgeBase: parseKnowledgeBase(files), validation: "full" };
}

// The reads below are synchronous: at start-up nothing else waits, and for ~100 small files
// fs/promises' readFile costs several times more CPU.

function snapshotKey(files: ReadonlyMap<string, string>, codeRoot: string): string {
  const hash = createHash("sha256");
  // Each value is preceded by its label and length, so no two inputs hash alike by shifting bytes.
  const add = (label: string, value: string | Buffer) =>
    hash.update(`${label}\0${Buffer.byteLength(value)}\0`).update(value);
  add("format", String(SNAPSHOT_FORMAT));
  add("node", process.version);
  for (const name of VALIDATING_PACKAGES) add(name, packageVersion(name));
  for (const name of codeFiles(codeRoot))
    add(`code:${name}`, readFileSync(path.join(codeRoot, name)));
  for (const [name, content] of files) add(`faq:${name}`, content);
  return hash.digest("hex");
}

/** Every script under the code root, so that any change to the code changes the key. */
function codeFiles(codeRoot: string): string[] {
  return readdirSync(codeRoot, { recursive: true, encoding: "utf8" })
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

type SnapshotRead =
  | { knowledgeBase: KnowledgeBase }
  | { snapshotMiss: "absent" | "out of date" }
  | { snapshotMiss: "unreadable"; warning: string };

function readSnapshot(file: string, key: string): SnapshotRead {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { snapshotMiss: "absent" };
    return unreadable(file, error);
  }
  try {
    const snapshot = JSON.parse(text) as {
      key?: unknown;
      knowledgeBase?: Omit<Partial<KnowledgeBase>, "translations"> & { translations?: unknown };
    };
    if (snapshot.key !== key) return { snapshotMiss: "out of date" };
    const kb = snapshot.knowledgeBase;
    if (
      typeof kb?.version !== "string" ||
      !Array.isArray(kb.entries) ||
      !Array.isArray(kb.categories) ||
      !Array.isArray(kb.thesaurus) ||
      !Array.isArray(kb.services?.others) ||
      !Array.isArray(kb.translations)
    )
      throw new Error("not a knowledge base");
    const translations = new Map(kb.translations as [Language, Edition][]);
    return { knowledgeBase: { ...kb, translations } as KnowledgeBase };
  } catch (error) {
    return unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): SnapshotRead {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    snapshotMiss: "unreadable",
    warning: `knowledge-base snapshot ${file} is unreadable (${reason}); validating in full`,
  };
}
