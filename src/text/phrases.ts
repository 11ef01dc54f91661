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
