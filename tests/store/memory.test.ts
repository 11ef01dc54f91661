import { describe } from "vitest";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { defineInsightsStoreContract } from "./contract.js";

describe("MemoryInsightsStore", () => {
  defineInsightsStoreContract(async (options) => new MemoryInsightsStore(options), {
    controllableClock: true,
  });
});
