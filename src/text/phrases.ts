/**
 * The first of `candidates` whose words stand in `tokens` in a row from `start`: thesaurus
 * phrases ("end to end") and other services' names of several words ("akun ig") are matched so.
 */
export function matchPhrase<P extends { readonly tokens: readonly string[] }>(
  candidates: readonly P[],
  tokens: readonly string[],
  start: number,
): P | undefined {
  return candidates.find((phrase) =>
    phrase.tokens.every((token, k) => tokens[start + k] === token),
  );
}

/**
 * Files `phrase` under its first word in `byFirstWord`, longest first, so {@link matchPhrase}
 * finds the longest phrase that stands at a place ("end to end encryption" before "end to end").
 */
export function addPhrase<P extends { readonly tokens: readonly string[] }>(
  byFirstWord: Map<string, P[]>,
  phrase: P,
): void {
  const first = phrase.tokens[0]!;
  const list = byFirstWord.get(first);
  if (list === undefined) byFirstWord.set(first, [phrase]);
  else {
    list.push(phrase);
    list.sort((a, b) => b.tokens.length - a.tokens.length);
  }
}
