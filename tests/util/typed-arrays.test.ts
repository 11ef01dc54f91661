import { describe, expect, it } from "vitest";
import { withRoom } from "../../src/util/typed-arrays.js";

describe("withRoom", () => {
  it("keeps an array that has room, and otherwise copies the used part into one twice as long", () => {
    const small = Int32Array.of(1, 2, 3, 0);
    expect(withRoom(small, 3, 4)).toBe(small);
    const grown = withRoom(small, 3, 5);
    expect(grown).toBeInstanceOf(Int32Array);
    expect(grown.length).toBe(8);
    expect([...grown.subarray(0, 3)]).toEqual([1, 2, 3]);
  });

  it("grows straight to what is needed when doubling is not enough", () => {
    const grown = withRoom(new Float64Array(2), 0, 100);
    expect(grown).toBeInstanceOf(Float64Array);
    expect(grown.length).toBe(100);
  });
});
