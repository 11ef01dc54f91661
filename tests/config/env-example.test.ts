import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, loadConfig } from "../../src/config/index.js";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
const assigned = (text: string) => [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);

describe(".env.example and the configuration table (docs/configuration.md)", () => {
  const example = read(".env.example");
  // The page holds one table: a row per variable, its name first.
  const table = read("docs/configuration.md");
  const documented = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((m) => m[1]!);
  // Variables only docker compose reads (the proxy's settings), not the service.
  const composeOnly = new Set(
    [...read("docker-compose.yml").matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]!),
  );

  it("lists every variable the service reads, and only those (plus compose's own)", () => {
    expect(
      [...assigned(example)]
        .filter((name) => !composeOnly.has(name) || CONFIG_VARIABLES.includes(name as never))
        .sort(),
    ).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("matches the configuration table in docs/configuration.md", () => {
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("is a valid configuration as it stands", () => {
    const values = Object.fromEntries(
      [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(() => loadConfig(values)).not.toThrow();
  });
});
