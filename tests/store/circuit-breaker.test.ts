import { describe, expect, it, vi } from "vitest";
import { CircuitBreaker, CircuitOpenError } from "../../src/store/circuit-breaker.js";
import { StoreTimeoutError } from "../../src/store/insights.js";

const hang = () => new Promise<never>(() => {});
const fail = () => Promise.reject(new Error("ECONNREFUSED"));

describe("CircuitBreaker", () => {
  it("passes calls through and resets its count on success", async () => {
    const breaker = new CircuitBreaker({ probe: async () => "PONG", failureThreshold: 2 });
    await expect(breaker.run("x", fail, 50)).rejects.toThrow("ECONNREFUSED");
    expect(await breaker.run("x", async () => 7, 50)).toBe(7);
    await expect(breaker.run("x", fail, 50)).rejects.toThrow("ECONNREFUSED");
    expect(breaker.isOpen).toBe(false);
  });

  it("opens after failures and timeouts in a row, then refuses at once without calling", async () => {
    const onChange = vi.fn();
    const breaker = new CircuitBreaker({ probe: hang, failureThreshold: 3, onChange });
    await expect(breaker.run("x", fail, 50)).rejects.toThrow("ECONNREFUSED");
    await expect(breaker.run("x", hang, 20)).rejects.toBeInstanceOf(StoreTimeoutError);
    await expect(breaker.run("x", fail, 50)).rejects.toThrow("ECONNREFUSED");
    expect(breaker.isOpen).toBe(true);
    expect(onChange).toHaveBeenCalledWith(true, expect.any(Error));
    const call = vi.fn(fail);
    await expect(breaker.run("rateLimit", call, 50)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(call).not.toHaveBeenCalled();
    breaker.stop();
  });

  it("closes when a background probe succeeds, never making a caller the trial", async () => {
    let up = false;
    const probe = vi.fn(() => (up ? Promise.resolve("PONG") : Promise.reject(new Error("down"))));
    const onChange = vi.fn();
    const breaker = new CircuitBreaker({
      probe,
      failureThreshold: 1,
      probeIntervalMs: 10,
      onChange,
    });
    breaker.failed(new Error("lost connection"));
    expect(breaker.isOpen).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(probe.mock.calls.length).toBeGreaterThan(1);
    expect(breaker.isOpen).toBe(true);
    up = true;
    for (let i = 0; i < 50 && breaker.isOpen; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(breaker.isOpen).toBe(false);
    expect(onChange).toHaveBeenLastCalledWith(false, undefined);
    expect(await breaker.run("x", async () => "ok", 50)).toBe("ok");
    breaker.stop();
  });

  it("treats a probe that hangs as failed", async () => {
    const breaker = new CircuitBreaker({
      probe: hang,
      failureThreshold: 1,
      probeIntervalMs: 5,
      probeTimeoutMs: 10,
    });
    breaker.failed(new Error("x"));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(breaker.isOpen).toBe(true);
    breaker.stop();
  });
});
