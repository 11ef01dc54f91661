/**
 * The web page's texts are the `page` part of each language's catalog (`src/i18n`): the
 * server-rendered HTML (`page.ts`) and the script (`public/app.js`, which gets
 * {@link PageTexts.script} as JSON inside the page) read them from there, so the page has no
 * words of its own.
 *
 * Placeholders are `{name}`, filled by {@link fillText} (the script has the same small function).
 * Texts are plain text: the renderer escapes them.
 */
export type { PageTexts, Problem } from "../../i18n/catalog.js";

/** Fills `{name}` placeholders; a placeholder without a value stays as it is. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
