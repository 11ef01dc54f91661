/** A typed array that values are appended to (an index being built). */
type Growable = Int32Array | Float64Array;

/**
 * `array` itself when it has room for `needed` values, else a copy of its first `used` values in
 * one at least twice as long: appending n values then copies O(n) in all.
 */
export function withRoom<T extends Growable>(array: T, used: number, needed: number): T {
  if (needed <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(
    Math.max(array.length * 2, needed),
  );
  grown.set(array.subarray(0, used));
  return grown;
}
