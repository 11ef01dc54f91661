import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { KnowledgeBaseError } from "./errors.js";

export const CATEGORIES_FILE = "categories.yaml";
export const THESAURUS_FILE = "thesaurus.yaml";

/**
 * Reads the files of the knowledge base (the `*.md` entries, categories and thesaurus) as file
 * name -> content, in name order; throws {@link KnowledgeBaseError} if the folder is unreadable.
 */
export async function readKnowledgeBaseFiles(dir: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new KnowledgeBaseError([{ file: dir, message: "directory not found or not readable" }]);
  }
  const files = new Map<string, string>();
  for (const name of names) {
    if (name.endsWith(".md") || name === CATEGORIES_FILE || name === THESAURUS_FILE) {
      // Synchronous: for a few dozen small files several times cheaper than fs/promises.
      files.set(name, readFileSync(path.join(dir, name), "utf8"));
    }
  }
  return files;
}
