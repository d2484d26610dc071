import { describe, expect, it, vi } from "vitest";
import { intervalFromEnv, runWorkerLoop } from "./worker-loop";

const transition = {
  tenderId: "t1",
  fromStage: null,
  toStage: "PENGUMUMAN" as const,
  fromStatus: "PUBLISHED" as const,
  toStatus: "PUBLISHED" as const,
};

describe("runWorkerLoop", () => {
  it("logs a failed tick, keeps going, and stops when aborted", async () => {
    const controller = new AbortController();
    const log = { info: vi.fn(), error: vi.fn() };
    let calls = 0;
    const tick = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new Error("connection refused");
      if (calls === 3) controller.abort();
      return { checked: 1, transitions: [transition] };
    });
    await runWorkerLoop({ intervalMs: 1, batchSize: 10, tick, log, signal: controller.signal });
    expect(calls).toBe(3);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledWith(transition, "tender stage advanced");
  });

  it("runs again at once while the batch comes back full", async () => {
    const controller = new AbortController();
    const checked = [2, 2, 1];
    const tick = vi.fn(async () => {
      const n = checked.shift() ?? 0;
      if (n === 1) controller.abort();
      return { checked: n, transitions: [] };
    });
    await runWorkerLoop({
      intervalMs: 60_000,
      batchSize: 2,
      tick,
      log: { info() {}, error() {} },
      signal: controller.signal,
    });
    expect(tick).toHaveBeenCalledTimes(3);
  });
});

describe("intervalFromEnv", () => {
  it.each([
    [undefined, 5000],
    ["1000", 1000],
    ["0", 5000],
    ["abc", 5000],
    ["1.5", 5000],
  ])("%s -> %s", (value, ms) => {
    expect(intervalFromEnv(value)).toBe(ms);
  });
});
