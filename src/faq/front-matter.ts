/**
 * Reading the knowledge base's file formats: Markdown with YAML front matter, and YAML data
 * files, each validated by a zod schema into {@link Problem}s that name the file and field.
 */
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import type { z } from "zod";
import type { Problem } from "./errors.js";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A Markdown file's front matter, validated by `schema`, and its body (trimmed); undefined with
 * the problems recorded when either is malformed. (A regular expression and js-yaml do what
 * gray-matter did here, without its 70 ms of start-up.)
 */
export function parseMarkdownFile<T>(
  file: string,
  content: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): { data: T; body: string } | undefined {
  const match = FRONT_MATTER.exec(content);
  if (match === null) {
    problems.push({
      file,
      message:
        "malformed front matter: no front matter (start the file with a --- line, end it with another)",
    });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch (error) {
    problems.push({ file, message: `malformed front matter: ${firstLine(error)}` });
    return undefined;
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const problem = problemOf(file, issue);
      problems.push(problem.field === undefined ? { ...problem, field: "front matter" } : problem);
    }
    return undefined;
  }
  return { data: result.data, body: content.slice(match[0].length).trim() };
}

/** A YAML data file validated by `schema`; undefined when absent (`required`: a problem too). */
export function parseYamlFile<T>(
  files: ReadonlyMap<string, string>,
  file: string,
  schema: z.ZodType<T>,
  problems: Problem[],
  required = true,
): T | undefined {
  const content = files.get(file);
  if (content === undefined) {
    if (required) problems.push({ file, message: "file is missing" });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(content);
  } catch (error) {
    problems.push({ file, message: `malformed YAML: ${firstLine(error)}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(problemOf(file, issue));
    return undefined;
  }
  return result.data;
}

function problemOf(file: string, issue: z.core.$ZodIssue): Problem {
  if (issue.code === "unrecognized_keys")
    return { file, field: issue.keys.join(", "), message: "unknown field (check the spelling)" };
  return {
    file,
    field: issue.path.length > 0 ? issue.path.join(".") : undefined,
    // Zod's wording for a missing field is "expected string, received undefined": say it plainly.
    message:
      issue.code === "invalid_type" && /received undefined/.test(issue.message)
        ? "is required"
        : issue.message,
  };
}

/** YAML's core schema: dates stay text ("2026-11-29"), as the schemas expect. */
function parseYaml(source: string): unknown {
  return loadYaml(source, { schema: CORE_SCHEMA });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
