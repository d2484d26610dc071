import { describe, expect, it } from "vitest";
import { updateProcedureMinimumsSchema } from "./tender.schemas";

const form = (minHours: unknown) => ({
  procedureId: "6f1c1f6e-8a7b-4c3d-9e2f-1a2b3c4d5e6f",
  stages: [{ minHours, basis: "Konfigurasi, bukan ketentuan hukum" }],
  addendumMinHours: "96",
  addendumMinBasis: "Aturan Prozorro",
});

describe("updateProcedureMinimumsSchema", () => {
  it("reads whole hours from 0 to a year", () => {
    expect(updateProcedureMinimumsSchema.parse(form("0")).stages[0]!.minHours).toBe(0);
    expect(updateProcedureMinimumsSchema.parse(form("8760")).stages[0]!.minHours).toBe(8760);
    expect(updateProcedureMinimumsSchema.parse(form(120)).addendumMinHours).toBe(96);
  });

  it("refuses an empty field (it would drop a minimum unnoticed), a negative, a fraction and more than a year", () => {
    for (const bad of ["", " ", "-1", "1.5", "8761", "abc"])
      expect(updateProcedureMinimumsSchema.safeParse(form(bad)).success).toBe(false);
  });

  it("wants a basis beside every minimum", () => {
    expect(updateProcedureMinimumsSchema.safeParse({ ...form("24"), addendumMinBasis: "  " }).success).toBe(false);
  });
});
