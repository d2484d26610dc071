import { describe, expect, it } from "vitest";
import { pembuktianOf } from "./pembuktian";

describe("pembuktianOf", () => {
  it("with prakualifikasi is the firm's prakualifikasi result, whatever was recorded", () => {
    for (const recorded of [true, false, undefined]) {
      expect(pembuktianOf({ hasPrakualifikasi: true, recorded, prequalified: true })).toBe(true);
      expect(pembuktianOf({ hasPrakualifikasi: true, recorded, prequalified: false })).toBe(false);
    }
  });

  it("without prakualifikasi is the recorded PEMBUKTIAN decision, undecided until there is one", () => {
    for (const prequalified of [true, false]) {
      expect(pembuktianOf({ hasPrakualifikasi: false, recorded: undefined, prequalified })).toBeUndefined();
      expect(pembuktianOf({ hasPrakualifikasi: false, recorded: true, prequalified })).toBe(true);
      expect(pembuktianOf({ hasPrakualifikasi: false, recorded: false, prequalified })).toBe(false);
    }
  });
});
