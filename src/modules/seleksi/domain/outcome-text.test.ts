import { describe, expect, it } from "vitest";
import { outcomeRuleText } from "./outcome-text";
import { prequalificationOutcome } from "./shortlist";

const RULES = { shortlistMin: 3, shortlistMax: 7, shortlistMinAfterRepeat: 2, prequalificationRepeats: 1 };

describe("the rule a prakualifikasi outcome is named by", () => {
  it.each([
    [2, 1, "2 lulus, kurang dari 3: prakualifikasi diulang"],
    [3, 1, "3 lulus, paling sedikit 3: daftar pendek diumumkan (paling banyak 7 peringkat teratas)"],
    [
      2,
      2,
      "2 lulus, kurang dari 3 tetapi paling sedikit 2 dan prakualifikasi ulang tidak tersisa: seleksi dilanjutkan dengan daftar pendek",
    ],
    [
      1,
      2,
      "1 lulus dan prakualifikasi ulang tidak tersisa: seleksi gagal; penunjukan langsung kepada peserta tersebut dapat diusulkan",
    ],
    [0, 2, "0 lulus, kurang dari 2, dan prakualifikasi ulang tidak tersisa: seleksi gagal"],
  ])("%i passing in round %i", (passing, round, text) => {
    const outcome = prequalificationOutcome(passing, round, RULES);
    expect(outcomeRuleText(outcome.kind, passing, RULES)).toBe(text);
  });

  it("takes the procedure's figures, not literals", () => {
    const rules = { ...RULES, shortlistMin: 5, shortlistMax: 9 };
    expect(outcomeRuleText("repeat", 4, rules)).toBe("4 lulus, kurang dari 5: prakualifikasi diulang");
  });
});
