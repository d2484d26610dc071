import os from "node:os";
import { describe, expect, it } from "vitest";
import { clusterSize } from "./cluster";

describe("clusterSize", () => {
  it("runs one web process per core and one worker unless told", () => {
    expect(clusterSize(["--cluster"])).toEqual({ web: os.availableParallelism(), workers: 1 });
    expect(clusterSize(["--cluster", "--web", "4", "--workers", "2"])).toEqual({ web: 4, workers: 2 });
  });

  it.each([["0"], ["-1"], ["2.5"], ["many"], ["65"]])("refuses --web %s with the range it takes", (value) => {
    expect(() => clusterSize(["--web", value])).toThrow("--web takes a whole number from 1 to 64");
  });
});
