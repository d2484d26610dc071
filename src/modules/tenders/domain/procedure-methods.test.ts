import { describe, expect, it } from "vitest";
import { checkWeights } from "./publish-checklist";
import { evaluationMethodsFor, isWeighted } from "./procedure-methods";

describe("evaluationMethodsFor", () => {
  it("offers a two-file procedure only the consultancy methods, and the others only theirs", () => {
    expect(evaluationMethodsFor({ twoFiles: true })).toEqual([
      "KUALITAS",
      "KUALITAS_BIAYA",
      "PAGU_ANGGARAN",
      "BIAYA_TERENDAH",
    ]);
    expect(evaluationMethodsFor({ twoFiles: false })).toEqual([
      "HARGA_TERENDAH",
      "SISTEM_NILAI",
      "BIAYA_UMUR_EKONOMIS",
    ]);
  });

  it("asks weights summing to 100 of kualitas dan biaya as of sistem nilai", () => {
    expect(isWeighted("KUALITAS_BIAYA")).toBe(true);
    expect(isWeighted("KUALITAS")).toBe(false);
    expect(checkWeights("KUALITAS_BIAYA", null, null)).toBe("weightsMissing");
    expect(checkWeights("KUALITAS_BIAYA", 80, 21)).toBe("weightsNotHundred");
    expect(checkWeights("KUALITAS_BIAYA", 80, 20)).toBeNull();
    expect(checkWeights("PAGU_ANGGARAN", null, null)).toBeNull();
  });
});
