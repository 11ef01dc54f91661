import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** One of the page's files, held in memory. */
export interface Asset {
  readonly type: string;
  readonly body: string;
  /** Its address with a content version (`?v=`), so a release's page never gets an old script. */
  readonly url: string;
}

function asset(name: string, type: string): Asset {
  // The build copies src/http/public next to the compiled code.
  const body = readFileSync(new URL(`../public/${name}`, import.meta.url), "utf8");
  const version = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { type, body, url: `/assets/${name}?v=${version}` };
}

/** The page's script, styles and icon: small, read once at start. */
export const ASSETS = {
  "app.js": asset("app.js", "text/javascript; charset=utf-8"),
  "app.css": asset("app.css", "text/css; charset=utf-8"),
  "favicon.svg": asset("favicon.svg", "image/svg+xml"),
} as const satisfies Record<string, Asset>;

export type AssetName = keyof typeof ASSETS;
