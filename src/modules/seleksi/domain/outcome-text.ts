import type { PrequalificationOutcome, ShortlistRules } from "./shortlist";

/**
 * How the Berita Acara Hasil Prakualifikasi names a round's outcome and the rule that gave it
 * (Perlem LKPP 12/2021 Lampiran II: a shortlist of shortlistMin to shortlistMax; fewer:
 * prakualifikasi ulang; after the repeat shortlistMinAfterRepeat may continue, one goes to
 * penunjukan langsung). In Indonesian, as the berita acara is; the figures are the procedure's.
 */
export const OUTCOME_TITLE: Record<PrequalificationOutcome["kind"], string> = {
  shortlist: "Daftar pendek ditetapkan",
  repeat: "Prakualifikasi diulang",
  continueReduced: "Daftar pendek ditetapkan setelah prakualifikasi ulang",
  failedOneLeft: "Seleksi gagal (satu peserta lulus)",
  failed: "Seleksi gagal",
};

export function outcomeRuleText(kind: PrequalificationOutcome["kind"], passing: number, rules: ShortlistRules): string {
  const { shortlistMin: min, shortlistMax: max, shortlistMinAfterRepeat: minAfter } = rules;
  switch (kind) {
    case "shortlist":
      return `${passing} lulus, paling sedikit ${min}: daftar pendek diumumkan (paling banyak ${max} peringkat teratas)`;
    case "repeat":
      return `${passing} lulus, kurang dari ${min}: prakualifikasi diulang`;
    case "continueReduced":
      return `${passing} lulus, kurang dari ${min} tetapi paling sedikit ${minAfter} dan prakualifikasi ulang tidak tersisa: seleksi dilanjutkan dengan daftar pendek`;
    case "failedOneLeft":
      return "1 lulus dan prakualifikasi ulang tidak tersisa: seleksi gagal; penunjukan langsung kepada peserta tersebut dapat diusulkan";
    case "failed":
      return `${passing} lulus, kurang dari ${minAfter}, dan prakualifikasi ulang tidak tersisa: seleksi gagal`;
  }
}
