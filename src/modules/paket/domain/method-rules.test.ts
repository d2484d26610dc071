import { describe, expect, it } from "vitest";
import { DEFAULT_METHOD_RULES as rules } from "./default-method-rules";
import { decideMethod } from "./method-rules";

const on = new Date("2026-06-01T00:00:00+07:00");
const dayBefore46 = new Date("2025-04-29T23:59:59.999+07:00");
const day46 = new Date("2025-04-30T00:00:00+07:00");

describe("decideMethod at every limit", () => {
  it.each([
    ["BARANG", 200_000_000n, "PENGADAAN_LANGSUNG"],
    ["BARANG", 200_000_001n, "TENDER"],
    ["BARANG", 199_999_999n, "PENGADAAN_LANGSUNG"],
    ["JASA_LAINNYA", 200_000_000n, "PENGADAAN_LANGSUNG"],
    ["JASA_LAINNYA", 200_000_001n, "TENDER"],
    ["PEKERJAAN_KONSTRUKSI", 400_000_000n, "PENGADAAN_LANGSUNG"],
    ["PEKERJAAN_KONSTRUKSI", 400_000_001n, "TENDER"],
    ["JASA_KONSULTANSI", 100_000_000n, "PENGADAAN_LANGSUNG"],
    ["JASA_KONSULTANSI", 100_000_001n, "SELEKSI"],
  ] as const)("%s at Rp%s → %s", (category, value, method) => {
    expect(decideMethod(rules, { category, value, on })?.method).toBe(method);
  });
});

describe("decideMethod either side of Perpres 46/2025", () => {
  it("judges construction at Rp300.000.000 by the old Rp200 juta limit the day before", () => {
    const decision = decideMethod(rules, { category: "PEKERJAAN_KONSTRUKSI", value: 300_000_000n, on: dayBefore46 });
    expect(decision?.method).toBe("TENDER");
    expect(decision?.rule.limit).toBe(200_000_000n);
  });

  it("and by the new Rp400 juta limit from that day on", () => {
    const decision = decideMethod(rules, { category: "PEKERJAAN_KONSTRUKSI", value: 300_000_000n, on: day46 });
    expect(decision?.method).toBe("PENGADAAN_LANGSUNG");
    expect(decision?.rule.legalBasis).toMatch(/Perpres 46\/2025/);
  });

  it("leaves goods unchanged by the construction row", () => {
    expect(decideMethod(rules, { category: "BARANG", value: 300_000_000n, on: day46 })?.method).toBe("TENDER");
  });

  it("finds no rule before any regulation in the table", () => {
    expect(decideMethod(rules, { category: "BARANG", value: 1n, on: new Date("2010-01-01") })).toBeNull();
  });
});
