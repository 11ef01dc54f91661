/**
 * Text normalisation shared by indexing and querying, so both sides see the same tokens.
 *
 * Steps: NFKC (full-width letters, ligatures), lower case, @mentions and a leading /command
 * removed, accents stripped, apostrophes joined ("don't" -> "dont"), everything that is not a
 * letter or digit (punctuation, emoji, symbols, control characters) turned into a space.
 */
const MENTION = /@[\p{L}\p{N}_]+/gu;
const LEADING_COMMAND = /^\s*\/[a-z0-9_]+(?:@[a-z0-9_]+)?/u;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;
const ASCII_MENTION = /@\w+/g;

export function normalizeText(input: string): string {
  // Most questions are plain ASCII: Unicode normalisation would change nothing, so skip it.
  if (ASCII.test(input)) {
    return input
      .toLowerCase()
      .replace(LEADING_COMMAND, " ")
      .replace(ASCII_MENTION, " ")
      .replace(APOSTROPHES, "")
      .replace(ASCII_NON_WORD, " ")
      .trim();
  }
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(LEADING_COMMAND, " ")
    .replace(MENTION, " ")
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "")
    .replace(NON_WORD, " ")
    .trim();
}

/** Splits normalised text into tokens. */
export function tokenize(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}
