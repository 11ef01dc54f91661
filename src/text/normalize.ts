/**
 * Text normalisation shared by indexing and querying, so both sides see the same tokens.
 *
 * Steps: NFKC (full-width letters, ligatures), lower case, @mentions and a leading /command
 * removed, accents stripped, apostrophes joined ("don't" -> "dont"), everything that is not a
 * letter or digit (punctuation, emoji, symbols, control characters) turned into a space.
 *
 * E-mail addresses and links (a scheme, `www.`, or a domain followed by a path, such as
 * `wa.me/49...`) go first, whole: they never help find an answer, and they identify people, so
 * they must not reach the statistics, which keep the normalised text of unanswered questions.
 * (Split into words by the punctuation rule, `john.doe@mail.com` would leave "john doe com".)
 */
const MENTION = /@[\p{L}\p{N}_]+/gu;
const LEADING_COMMAND = /^\s*\/[a-z0-9_]+(?:@[a-z0-9_]+)?/u;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** E-mail addresses, URLs with a scheme or `www.`, and `domain.tld/path` links. */
const LINKS =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b[a-z][a-z0-9+.-]*:\/\/\S*|\bwww\.\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\/\S*/giu;
/**
 * Cheap pre-test: only text with one of these can hold an address or a link (something@a.b,
 * "://", "www.", a domain ending before a "/"). "and/or", "24/7" or "@Meta AI" does not run (or
 * first compile) {@link LINKS}.
 */
const MAY_HOLD_LINKS = /[^\s@]@[^\s@]+\.|:\/\/|www\.|\.[a-z]{2,}\//i;

/** The text with e-mail addresses and links replaced by a space. */
export function withoutLinks(input: string): string {
  return MAY_HOLD_LINKS.test(input) ? input.replace(LINKS, " ") : input;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const ASCII = /^[\x00-\x7f]*$/;

export function normalizeText(input: string): string {
  return normalizedWords(input).join(" ");
}

/** The words of {@link normalizeText}'s result, without joining and splitting them again. */
export function normalizedWords(input: string): string[] {
  // Most text is plain ASCII: Unicode normalisation would change nothing, so one scan does.
  return ASCII.test(input) ? asciiWords(withoutLinks(input)) : tokenize(normalizeUnicode(input));
}

/** The general path: any script, any width, any accent. */
export function normalizeUnicode(input: string): string {
  return withoutLinks(input.normalize("NFKC"))
    .toLowerCase()
    .replace(LEADING_COMMAND, " ")
    .replace(MENTION, " ")
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "")
    .replace(NON_WORD, " ")
    .trim();
}

const enum Char {
  Space = 32,
  Apostrophe = 39,
  Backtick = 96,
  At = 64,
  Underscore = 95,
  Zero = 48,
  Nine = 57,
  LowerA = 97,
  LowerZ = 122,
}

const isAlphanumeric = (code: number) =>
  (code >= Char.LowerA && code <= Char.LowerZ) || (code >= Char.Zero && code <= Char.Nine);

/**
 * The words {@link normalizeUnicode} would give for ASCII text, in one pass without its five
 * regular-expression passes: this runs on every question and every indexed field. Words are
 * sliced out whole; an apostrophe joins the parts around it, a mention ends the word before it.
 */
function asciiWords(input: string): string[] {
  const text = input.toLowerCase();
  const command = LEADING_COMMAND.exec(text);
  const words: string[] = [];
  let word = ""; // the current word's parts before an apostrophe
  let start = -1; // start of the current part, -1 outside a word
  for (let i = command === null ? 0 : command[0].length; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : Char.Space;
    if (isAlphanumeric(code)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      word += text.slice(start, i);
      start = -1;
    }
    if (code === Char.Apostrophe || code === Char.Backtick) continue;
    if (word !== "") {
      words.push(word);
      word = "";
    }
    if (code === Char.At) {
      // A mention: "@" and the word characters after it go.
      while (i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (!isAlphanumeric(next) && next !== Char.Underscore) break;
        i++;
      }
    }
  }
  return words;
}

/** A leading /command and @mentions removed (for lower-cased text): they are never the question. */
export function stripMentionsAndCommand(lowerCased: string): string {
  return lowerCased.replace(LEADING_COMMAND, " ").replace(MENTION, " ");
}

/** Letters that decompose into no base letter and mark, folded by hand. */
const UNDECOMPOSABLE = /[ıßœæøłđ]/g;
const UNDECOMPOSABLE_FOLDS: Readonly<Record<string, string>> = {
  ı: "i",
  ß: "ss",
  œ: "oe",
  æ: "ae",
  ø: "o",
  ł: "l",
  đ: "d",
};

/** A lower-case word without diacritics ("información" -> "informacion", "şifre" -> "sifre"). */
export function foldDiacritics(word: string): string {
  if (ASCII.test(word)) return word;
  return word
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(UNDECOMPOSABLE, (letter) => UNDECOMPOSABLE_FOLDS[letter]!)
    .normalize("NFC");
}

/** Splits normalised text into tokens. */
export function tokenize(normalized: string): string[] {
  return normalized === "" ? [] : normalized.split(" ");
}
