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

export function normalizeText(input: string): string {
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
