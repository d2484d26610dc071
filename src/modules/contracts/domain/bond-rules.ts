import type { ProcurementCategory } from "@/modules/paket/domain";
import type { BondBasis } from "./contract-enums";

/**
 * The performance bond (jaminan pelaksanaan) as a versioned rule table: a change in the law
 * is a new row, and a paket is judged by the row in force when it was created.
 *
 * Perpres 16/2018 Pasal 33 (text read 2026-12; whether Perpres 12/2021 or 46/2025 reworded
 * the Pasal could not be verified here, see decision 0042):
 * - ayat (1): required for a contract of Barang, Pekerjaan Konstruksi or Jasa Lainnya of a
 *   value above Rp200.000.000 (so never for Jasa Konsultansi, and not at or below that);
 * - ayat (2) huruf a: not required for Jasa Lainnya whose provider's assets the user already
 *   holds (the PPK states it); huruf b (e-purchasing) never reaches a tender's contract;
 * - ayat (3): 5% of the contract value when the corrected price is 80% to 100% of HPS,
 *   5% of the whole HPS when it is below 80%.
 */
export interface BondRule {
  effectiveFrom: Date;
  categories: readonly ProcurementCategory[];
  /** required only above this value (exclusive) */
  minValueExclusive: bigint;
  /** basis points of the base: 500 = 5% */
  percentBp: number;
  /** a corrected price below this share of HPS (basis points) takes HPS as the base */
  lowPriceBp: number;
  legalBasis: string;
}

const PERPRES_16_2018 = new Date("2018-03-22T00:00:00+07:00");

export const PERFORMANCE_BOND_RULES: readonly BondRule[] = [
  {
    effectiveFrom: PERPRES_16_2018,
    categories: ["BARANG", "PEKERJAAN_KONSTRUKSI", "JASA_LAINNYA"],
    minValueExclusive: 200_000_000n,
    percentBp: 500,
    lowPriceBp: 8000,
    legalBasis: "Perpres 16/2018 jo. Perpres 12/2021, Pasal 33",
  },
];

export interface BondInput {
  category: ProcurementCategory;
  /** the contract value (the awarded price) */
  value: bigint;
  /** the winner's corrected price, compared with HPS */
  correctedPrice: bigint;
  hps: bigint;
  /** the paket's creation: which row judges it */
  judgedOn: Date;
  /** Pasal 33 ayat (2) huruf a: Jasa Lainnya whose provider's assets the user already holds */
  assetsHeldByUser: boolean;
}

export interface Bond {
  basis: BondBasis;
  percentBp: number;
  amount: bigint;
  legalBasis: string;
}

/** The row in force on a day: the latest that began on or before it. */
export function bondRuleOn(judgedOn: Date, rules: readonly BondRule[] = PERFORMANCE_BOND_RULES): BondRule | null {
  const inForce = rules.filter((r) => r.effectiveFrom.getTime() <= judgedOn.getTime());
  return inForce.sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0] ?? null;
}

/** Rounded up to the rupiah: the bond is never less than the percentage (configuration, not law). */
const percentOf = (base: bigint, bp: number) => (base * BigInt(bp) + 9_999n) / 10_000n;

export function performanceBond(input: BondInput, rules: readonly BondRule[] = PERFORMANCE_BOND_RULES): Bond {
  const rule = bondRuleOn(input.judgedOn, rules);
  const none = (why: string): Bond => ({ basis: "NONE", percentBp: 0, amount: 0n, legalBasis: why });
  if (!rule) return none("Tidak ada aturan jaminan pelaksanaan yang berlaku pada tanggal paket");
  if (!rule.categories.includes(input.category))
    return none(`${rule.legalBasis} ayat (1): tidak disyaratkan untuk jenis pengadaan ini`);
  if (input.value <= rule.minValueExclusive)
    return none(`${rule.legalBasis} ayat (1): nilai kontrak tidak melebihi batas jaminan pelaksanaan`);
  if (input.assetsHeldByUser && input.category === "JASA_LAINNYA")
    return none(`${rule.legalBasis} ayat (2) huruf a: aset penyedia sudah dikuasai pengguna`);
  const lowPrice = input.correctedPrice * 10_000n < input.hps * BigInt(rule.lowPriceBp);
  return lowPrice
    ? {
        basis: "HPS",
        percentBp: rule.percentBp,
        amount: percentOf(input.hps, rule.percentBp),
        legalBasis: `${rule.legalBasis} ayat (3) huruf b`,
      }
    : {
        basis: "CONTRACT_VALUE",
        percentBp: rule.percentBp,
        amount: percentOf(input.value, rule.percentBp),
        legalBasis: `${rule.legalBasis} ayat (3) huruf a`,
      };
}
