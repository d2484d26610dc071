import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_RULES } from "./default-method-rules";
import { fromRuleRow, methodsForNewRule, toRuleRow } from "./method-rule-rows";
import { decideMethod } from "./method-rules";

describe("rule rows for the browser", () => {
  it("round-trip through JSON and decide the same method", () => {
    const stored = DEFAULT_METHOD_RULES.map((rule, i) => ({ ...rule, id: String(i) }));
    const rows = JSON.parse(JSON.stringify(stored.map(toRuleRow))) as ReturnType<typeof toRuleRow>[];
    const back = rows.map(fromRuleRow);
    expect(back).toEqual(stored);
    const on = new Date("2026-01-05T00:00:00+07:00");
    expect(decideMethod(back, { category: "PEKERJAAN_KONSTRUKSI", value: 400_000_001n, on })?.method).toBe("TENDER");
  });
});

describe("methodsForNewRule", () => {
  it("gives seleksi above the limit for consultancy and tender for the others, never tender cepat", () => {
    expect(methodsForNewRule("JASA_KONSULTANSI")).toEqual({ method: "PENGADAAN_LANGSUNG", methodAbove: "SELEKSI" });
    for (const category of ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"] as const) {
      expect(methodsForNewRule(category)).toEqual({ method: "PENGADAAN_LANGSUNG", methodAbove: "TENDER" });
    }
  });
});
