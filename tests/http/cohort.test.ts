import { setImmediate as endOfTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { Cohort } from "../../src/http/cohort.js";

/** A cohort that records what ran, and what failed, in order. */
function recording(fail: (item: number) => boolean = () => false) {
  const ran: number[] = [];
  const failed: [number, unknown][] = [];
  const cohort = new Cohort<number>({
    run(item) {
      if (fail(item)) throw new Error(`item ${item} failed`);
      ran.push(item);
    },
    onError: (item, error) => failed.push([item, error]),
  });
  return { cohort, ran, failed };
}

describe("Cohort", () => {
  it("runs a quiet turn's first item at once: alone, waiting would only add latency", async () => {
    const { cohort, ran } = recording();
    cohort.add(1);
    expect(ran).toEqual([1]);
    await endOfTurn();
    cohort.add(2); // the turn before brought one item: still quiet
    expect(ran).toEqual([1, 2]);
  });

  it("gathers the rest of a turn's items and runs them in order when the turn ends", async () => {
    const { cohort, ran } = recording();
    cohort.add(1);
    cohort.add(2);
    cohort.add(3);
    expect(ran).toEqual([1]);
    expect(cohort.waiting).toBe(2);
    await endOfTurn();
    expect(ran).toEqual([1, 2, 3]);
    expect(cohort.waiting).toBe(0);
  });

  it("after a busy turn, gathers every item of the next, then goes back to running at once", async () => {
    const { cohort, ran } = recording();
    cohort.add(1);
    cohort.add(2); // a busy turn: two items
    await endOfTurn();
    cohort.add(3);
    cohort.add(4);
    expect(ran).toEqual([1, 2]); // both wait for the end of the turn
    await endOfTurn();
    expect(ran).toEqual([1, 2, 3, 4]);
    cohort.add(5); // alone, but the last turn with items was busy: it waits this once
    expect(ran).toEqual([1, 2, 3, 4]);
    await endOfTurn();
    cohort.add(6);
    expect(ran).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("hands an item that throws to onError and still runs the rest of its cohort", async () => {
    const { cohort, ran, failed } = recording((item) => item === 2 || item === 4);
    for (let item = 1; item <= 5; item++) cohort.add(item);
    await endOfTurn();
    expect(ran).toEqual([1, 3, 5]);
    expect(failed.map(([item]) => item)).toEqual([2, 4]);
    expect(String(failed[0]![1])).toContain("item 2 failed");
    cohort.add(6);
    cohort.add(7);
    await endOfTurn();
    expect(ran).toEqual([1, 3, 5, 6, 7]);
  });

  it("gathers from the first item when gatherFrom is 0", async () => {
    const ran: number[] = [];
    const cohort = new Cohort<number>({
      run: (item) => ran.push(item),
      onError: () => undefined,
      gatherFrom: 0,
    });
    cohort.add(1);
    expect(ran).toEqual([]);
    await endOfTurn();
    expect(ran).toEqual([1]);
  });
});
