import { describe, expect, it } from "vitest";
import { rupiahInWords, terbilang } from "./terbilang";

describe("terbilang", () => {
  it.each([
    [0n, "nol"],
    [1n, "satu"],
    [11n, "sebelas"],
    [12n, "dua belas"],
    [19n, "sembilan belas"],
    [20n, "dua puluh"],
    [100n, "seratus"],
    [110n, "seratus sepuluh"],
    [999n, "sembilan ratus sembilan puluh sembilan"],
    [1_000n, "seribu"],
    [1_001n, "seribu satu"],
    [2_000n, "dua ribu"],
    [111_000n, "seratus sebelas ribu"],
    [1_000_000n, "satu juta"],
    [452_750_000n, "empat ratus lima puluh dua juta tujuh ratus lima puluh ribu"],
    [15_000_000_000n, "lima belas miliar"],
    [
      9_007_199_254_740_993n,
      "sembilan kuadriliun tujuh triliun seratus sembilan puluh sembilan miliar dua ratus lima puluh empat juta tujuh ratus empat puluh ribu sembilan ratus sembilan puluh tiga",
    ],
  ])("%s", (value, words) => {
    expect(terbilang(value)).toBe(words);
  });

  it("ends with rupiah", () => {
    expect(rupiahInWords(1_500n)).toBe("seribu lima ratus rupiah");
  });
});
