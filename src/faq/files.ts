import { readdirSync, readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { isLanguage, LANGUAGES } from "../text/languages.js";
import { KnowledgeBaseError, type Problem } from "./errors.js";

export const CATEGORIES_FILE = "categories.yaml";
export const THESAURUS_FILE = "thesaurus.yaml";
export const OUT_OF_SCOPE_FILE = "out-of-scope.yaml";
export const SERVICES_FILE = "services.yaml";

const DATA_FILES: ReadonlySet<string> = new Set([
  CATEGORIES_FILE,
  THESAURUS_FILE,
  OUT_OF_SCOPE_FILE,
  SERVICES_FILE,
]);
const isKnowledgeBaseFile = (name: string) => name.endsWith(".md") || DATA_FILES.has(name);

/**
 * Reads the files of the knowledge base as file name -> content, in name order: the English
 * `*.md` entries and data files at the top, and each translation's under its language's folder
 * (`es/ads.md`, `es/categories.yaml`). Throws {@link KnowledgeBaseError} if the folder is
 * unreadable or holds a folder that is not a supported language.
 */
export async function readKnowledgeBaseFiles(dir: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new KnowledgeBaseError([{ file: dir, message: "directory not found or not readable" }]);
  }
  const files = new Map<string, string>();
  const problems: Problem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    // Synchronous: for a few hundred small files several times cheaper than fs/promises.
    if (isKnowledgeBaseFile(name)) files.set(name, readFileSync(file, "utf8"));
    else if (isLanguage(name)) {
      for (const inner of readdirSync(file).sort())
        if (isKnowledgeBaseFile(inner))
          files.set(`${name}/${inner}`, readFileSync(path.join(file, inner), "utf8"));
    } else if (!name.startsWith(".") && isFolder(file)) {
      problems.push({
        file: `${name}/`,
        message: `is not a supported language; translations go in one of ${LANGUAGES.join(", ")}`,
      });
    }
  }
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return files;
}

function isFolder(file: string): boolean {
  try {
    return readdirSync(file) !== undefined;
  } catch {
    return false;
  }
}
