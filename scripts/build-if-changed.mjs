// `npm start` runs this first: it builds only when the build's inputs changed since the last
// build (a full build takes ~11 s; checking takes a few milliseconds).
//
//   node scripts/build-if-changed.mjs            build if needed, then record the inputs
//   node scripts/build-if-changed.mjs --stamp    record the inputs (the end of `npm run build`)
//   node scripts/build-if-changed.mjs --dry-run  only say whether a build is needed
//
// The inputs are what the build reads: src/ and faq/ (every file, sub-folders included), the
// package and TypeScript files, and the Node version (the knowledge-base snapshot records it).
// They are compared by content, not modification time, so a checkout that touches files without
// changing them costs nothing, and an edit is never missed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

const FOLDERS = ["src", "faq"];
const FILES = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];
const STAMP = join("dist", ".build-inputs");
const OUTPUT = join("dist", "main.js");

/** Every file under `folder`, sorted, so the digest does not depend on the file system's order. */
function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** SHA-256 over the inputs' names and contents, and the Node version. */
export function inputsDigest(root = ".") {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  const files = [
    ...FILES.map((file) => join(root, file)),
    ...FOLDERS.flatMap((f) => filesUnder(join(root, f))),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update("\0");
  }
  return hash.digest("hex");
}

/** Why a build is needed, or undefined when dist/ was built from exactly these inputs. */
export function staleReason(root = ".", digest = inputsDigest(root)) {
  if (!existsSync(join(root, OUTPUT))) return "dist/ has not been built";
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return "dist/ has no record of what it was built from";
  if (readFileSync(stamp, "utf8").trim() !== digest) return "src/, faq/ or the package changed";
  return undefined;
}

function main(argument) {
  if (argument === "--stamp") {
    writeFileSync(STAMP, `${inputsDigest()}\n`);
    return 0;
  }
  const digest = inputsDigest();
  const reason = staleReason(".", digest);
  if (reason === undefined) {
    console.log("dist/ is up to date with src/ and faq/: not rebuilding");
    return 0;
  }
  if (argument === "--dry-run") {
    console.log(`would build: ${reason}`);
    return 0;
  }
  console.log(`building: ${reason}`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) return build.status ?? 1;
  // The inputs as they were when the build started: an edit made during it builds next time.
  writeFileSync(STAMP, `${digest}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  process.exitCode = main(process.argv[2]);
