import { formatRupiah } from "@/lib/money";
import { describeRequirements, describeUnmet, type Requirements, type Unmet } from "@/modules/tenders/domain";
import type { EvaluationRule } from "./evaluation-rules";
import { isAboveHps, isLowPriceFlagged } from "./price-rules";

/**
 * A Tender Cepat's evaluation, made by the system at the opening (Perpres 16/2018 Pasal
 * 50: bidders already qualified in SIKaP enter only a price; the price is evaluated by
 * the application and the lowest wins). Each stage the Pokja would decide by hand gets
 * the system's decision and its reason: administrasi and teknis have nothing to judge
 * (no documents, the specification is fixed: Pasal 38 ayat (6)), kualifikasi is read
 * from the verified profile, harga is the HPS rule, and pembuktian is the LPSE's
 * verification of that profile. A bid failing a stage is not judged in the next.
 */

export type AutoStage = "ADMINISTRASI" | "KUALIFIKASI" | "TEKNIS" | "HARGA" | "PEMBUKTIAN";

export interface AutoDecision {
  stage: AutoStage;
  passed: boolean;
  reason: string;
}

export interface AutoEvaluation {
  decisions: AutoDecision[];
  /** the price as judged: Tender Cepat has no breakdown to correct, so the price read out */
  correctedPrice: bigint | null;
  isLowPriceFlagged: boolean | null;
}

const BASIS = "Tender Cepat, Perpres 16/2018 Pasal 38 ayat (6) dan Pasal 50";

function qualificationReason(requirements: Requirements, unmet: readonly Unmet[]): string {
  if (unmet.some((u) => u.kind === "NOT_VERIFIED"))
    return `Profil penyedia tidak berstatus terverifikasi pada saat pembukaan (${BASIS}).`;
  if (unmet.length)
    return `Profil terverifikasi tidak memenuhi persyaratan: ${describeUnmet(unmet)} tidak ada atau tidak berlaku (${BASIS}).`;
  const listed = describeRequirements(requirements);
  return `Memenuhi persyaratan dari profil terverifikasi${listed ? `: ${listed}` : ""} (${BASIS}).`;
}

export function evaluateAutomatically(input: {
  price: bigint;
  hps: bigint;
  category: Parameters<typeof isLowPriceFlagged>[0];
  rule: EvaluationRule;
  requirements: Requirements;
  unmet: readonly Unmet[];
}): AutoEvaluation {
  const decisions: AutoDecision[] = [
    {
      stage: "ADMINISTRASI",
      passed: true,
      reason: `Tidak ada dokumen administrasi yang dinilai: peserta hanya memasukkan penawaran harga (${BASIS}).`,
    },
  ];
  const qualified = input.unmet.length === 0;
  decisions.push({
    stage: "KUALIFIKASI",
    passed: qualified,
    reason: qualificationReason(input.requirements, input.unmet),
  });
  if (!qualified) return { decisions, correctedPrice: null, isLowPriceFlagged: null };

  decisions.push({
    stage: "TEKNIS",
    passed: true,
    reason: `Tidak ada evaluasi teknis: spesifikasi dan volume pekerjaan telah ditetapkan rinci (${BASIS}).`,
  });
  const price = formatRupiah(input.price);
  const hps = formatRupiah(input.hps);
  // HPS is the highest valid bid (Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5) huruf b).
  if (isAboveHps(input.price, input.hps)) {
    decisions.push({
      stage: "HARGA",
      passed: false,
      reason: `Harga penawaran ${price} melebihi HPS ${hps}; penawaran dinyatakan gugur.`,
    });
    return { decisions, correctedPrice: input.price, isLowPriceFlagged: false };
  }
  decisions.push({
    stage: "HARGA",
    passed: true,
    reason: `Harga penawaran ${price} tidak melebihi HPS ${hps}; peringkat menurut harga terendah (${BASIS}).`,
  });
  decisions.push({
    stage: "PEMBUKTIAN",
    passed: true,
    reason:
      "Data kualifikasi telah diverifikasi oleh LPSE dalam profil penyedia (SIKaP); Tender Cepat tidak memiliki tahap pembuktian kualifikasi.",
  });
  return {
    decisions,
    correctedPrice: input.price,
    isLowPriceFlagged: isLowPriceFlagged(input.category, input.price, input.hps, input.rule),
  };
}
