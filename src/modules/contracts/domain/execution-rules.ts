import type { ContractStatus } from "./contract-enums";

/**
 * The rules of a contract's execution after the SPMK: progress, BAST, payment per termin,
 * addenda, termination and the vendor's rating. Pure: the caller loads the rows, asks here,
 * and refuses with the key returned (a key of errors.json's "contractExecution" group).
 */

export type ExecutionRefusal =
  | "notActive"
  | "terminated"
  | "progressRange"
  | "progressBackwards"
  | "notCurrentTermin"
  | "terminHandedOver"
  | "bastProgressShort"
  | "bastTwice"
  | "paymentBeforeBast"
  | "paymentTwice"
  | "paymentAboveTermin"
  | "paymentNotPositive"
  | "addendumState"
  | "addendumNoChange"
  | "addendumIncreaseTooLarge"
  | "addendumBelowSettled"
  | "addendumNothingUnsettled"
  | "addendumEndEarlier"
  | "terminationState"
  | "ratingState"
  | "ratingTwice"
  | "dayInFuture"
  | "dayTooEarly";

export interface TerminFacts {
  position: number;
  /** basis points of the contract value; the termins sum to 10000 */
  percentBp: number;
  amount: bigint;
  progressPercent: number;
  bastAt: Date | null;
  paidAt: Date | null;
}

const byPosition = <T extends { position: number }>(termins: readonly T[]) =>
  [...termins].sort((a, b) => a.position - b.position);

/** The termin whose work runs now: the first without its BAST (null when all are handed over). */
export function currentTermin<T extends TerminFacts>(termins: readonly T[]): T | null {
  return byPosition(termins).find((t) => t.bastAt === null) ?? null;
}

/**
 * The progress (percent of the whole work) a termin's BAST needs: the termins' shares up to
 * and including it, so the last one needs 100 (serah terima after the work is complete,
 * Perpres 16/2018 Pasal 57 ayat (1)). Shares short of 100 round up: the share is reached,
 * never nearly. Tying each termin's BAST to its cumulative share is configuration, not law.
 */
export function progressNeeded(termins: readonly TerminFacts[], position: number): number {
  const upTo = byPosition(termins).filter((t) => t.position <= position);
  const bp = upTo.reduce((sum, t) => sum + t.percentBp, 0);
  return Math.min(100, Math.ceil(bp / 100));
}

/** The work's progress so far: the highest reported on any termin. */
export const reportedProgress = (termins: readonly TerminFacts[]) =>
  termins.reduce((max, t) => Math.max(max, t.progressPercent), 0);

/**
 * The vendor reports the work's progress (0..100 percent of the whole) against the termin that
 * runs now, while the contract is ACTIVE (after the SPMK). It never goes backwards: a report
 * below the last one is refused (configuration: progress is a fact, a correction is a note).
 */
export function progressRefusal(
  status: ContractStatus,
  termins: readonly TerminFacts[],
  position: number,
  percent: number,
): ExecutionRefusal | null {
  if (status === "TERMINATED") return "terminated";
  if (status !== "ACTIVE") return "notActive";
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) return "progressRange";
  const termin = termins.find((t) => t.position === position);
  if (termin?.bastAt) return "terminHandedOver";
  if (currentTermin(termins)?.position !== position) return "notCurrentTermin";
  if (percent < reportedProgress(termins)) return "progressBackwards";
  return null;
}

/**
 * The PPK records the BAST of the termin that runs now, in order, once, while ACTIVE, when its
 * reported progress reached the termins' shares up to it (progressNeeded).
 */
export function bastRefusal(
  status: ContractStatus,
  termins: readonly TerminFacts[],
  position: number,
): ExecutionRefusal | null {
  if (status === "TERMINATED") return "terminated";
  if (status !== "ACTIVE") return "notActive";
  const termin = termins.find((t) => t.position === position);
  if (!termin) return "notCurrentTermin";
  if (termin.bastAt) return "bastTwice";
  if (currentTermin(termins)?.position !== position) return "notCurrentTermin";
  if (termin.progressPercent < progressNeeded(termins, position)) return "bastProgressShort";
  return null;
}

/** After this BAST every termin is handed over: the last BAST is the serah terima (COMPLETED). */
export const completesContract = (termins: readonly TerminFacts[], position: number) =>
  termins.every((t) => t.bastAt !== null || t.position === position);

/**
 * A termin is paid after its BAST, once, a positive amount never above the termin's
 * (Perpres 16/2018 Pasal 53 ayat (1): what is paid is the work done less the advance's
 * repayment, retention and penalties, so it may be less). Work handed over before a
 * termination is still paid.
 */
export function paymentRefusal(
  status: ContractStatus,
  termin: Pick<TerminFacts, "amount" | "bastAt" | "paidAt">,
  amount: bigint,
): ExecutionRefusal | null {
  if (!["ACTIVE", "COMPLETED", "TERMINATED"].includes(status)) return "notActive";
  if (termin.paidAt) return "paymentTwice";
  if (!termin.bastAt) return "paymentBeforeBast";
  if (amount <= 0n) return "paymentNotPositive";
  if (amount > termin.amount) return "paymentAboveTermin";
  return null;
}

/**
 * Adendum kontrak: the final value's increase over the original contract is at most 10% of it
 * (Perpres 16/2018 Pasal 54 ayat (2) as amended by Perpres 12/2021: "penambahan nilai kontrak
 * akhir tidak melebihi 10% dari harga yang tercantum dalam perjanjian awal"), cumulative over
 * every addendum. Perpres 46/2025's exceptions to it (e.g. emergencies) are not modelled.
 */
export const ADDENDUM_RULE = {
  maxIncreaseBp: 1000,
  legalBasis: "Perpres 16/2018 Pasal 54 ayat (2) jo. Perpres 12/2021",
} as const;

/** The highest value an addendum may set: the original plus 10%, rounded down to the rupiah. */
export const maxAmendedValue = (originalValue: bigint) =>
  originalValue + (originalValue * BigInt(ADDENDUM_RULE.maxIncreaseBp)) / 10000n;

/** Settled termins keep their amounts: handed over (BAST) or paid. */
const isSettled = (t: Pick<TerminFacts, "bastAt" | "paidAt">) => t.bastAt !== null || t.paidAt !== null;

export interface AddendumFacts {
  status: ContractStatus;
  originalValue: bigint;
  value: bigint;
  endsOn: Date;
  termins: readonly TerminFacts[];
}

/**
 * An addendum, while SIGNED or ACTIVE (not after the work was handed over or the contract ended),
 * changes the value and/or extends the end (a shorter period is refused: configuration). A
 * decrease is allowed down to what is already settled; the unsettled termins carry the change
 * (rescaleTermins), so there must be one.
 */
export function addendumRefusal(facts: AddendumFacts, newValue: bigint, newEndsOn: Date): ExecutionRefusal | null {
  if (facts.status !== "SIGNED" && facts.status !== "ACTIVE") return "addendumState";
  if (newValue === facts.value && newEndsOn.getTime() === facts.endsOn.getTime()) return "addendumNoChange";
  if (newEndsOn.getTime() < facts.endsOn.getTime()) return "addendumEndEarlier";
  if (newValue > maxAmendedValue(facts.originalValue)) return "addendumIncreaseTooLarge";
  if (newValue === facts.value) return null;
  const open = facts.termins.filter((t) => !isSettled(t));
  if (open.length === 0) return "addendumNothingUnsettled";
  const settled = facts.termins.filter(isSettled).reduce((sum, t) => sum + t.amount, 0n);
  // each unsettled termin keeps at least one rupiah of the rest
  if (newValue - settled < BigInt(open.length)) return "addendumBelowSettled";
  return null;
}

/**
 * After an addendum the unsettled termins' amounts follow the new value: they share what the
 * settled termins leave (new value less their amounts) in proportion to their percentBp, the
 * last unsettled taking the rounding remainder, so the termins sum to the new value. Returns
 * each unsettled termin's new amount by position. Configuration, not law.
 */
export function rescaleTermins(termins: readonly TerminFacts[], newValue: bigint): Map<number, bigint> {
  const open = byPosition(termins).filter((t) => !isSettled(t));
  const settled = termins.filter(isSettled).reduce((sum, t) => sum + t.amount, 0n);
  const rest = newValue - settled;
  const weight = BigInt(open.reduce((sum, t) => sum + t.percentBp, 0));
  const amounts = new Map<number, bigint>();
  let given = 0n;
  open.forEach((t, i) => {
    const amount = i === open.length - 1 ? rest - given : (rest * BigInt(t.percentBp)) / weight;
    amounts.set(t.position, amount);
    given += amount;
  });
  return amounts;
}

/** Pemutusan kontrak: only a signed contract whose work has not ended (SIGNED or ACTIVE). */
export const terminationRefusal = (status: ContractStatus): ExecutionRefusal | null =>
  status === "SIGNED" || status === "ACTIVE" ? null : "terminationState";

/**
 * Penilaian kinerja penyedia: the PPK rates once, when the contract ended (COMPLETED, or
 * TERMINATED), on four aspects (Perlem LKPP 4/2021's SIKaP aspects: quality and quantity of
 * the work, cost, time, service) each on a scale of 1..4 (the scale is configuration, not law).
 */
export const RATING_ASPECTS = ["quality", "cost", "timeliness", "service"] as const;
export type RatingAspect = (typeof RATING_ASPECTS)[number];
export const RATING_SCALE = { min: 1, max: 4 } as const;

export function ratingRefusal(status: ContractStatus, alreadyRated: boolean): ExecutionRefusal | null {
  if (status !== "COMPLETED" && status !== "TERMINATED") return "ratingState";
  return alreadyRated ? "ratingTwice" : null;
}

/**
 * A BAST's or a payment's date, as days in the agency's zone ("2026-12-01", which compare as
 * text): not after today by the database clock, nor before `notBefore` (the SPMK's start for a
 * BAST, the termin's BAST for its payment).
 */
export function recordedDayRefusal(day: string, today: string, notBefore: string | null): ExecutionRefusal | null {
  if (day > today) return "dayInFuture";
  return notBefore !== null && day < notBefore ? "dayTooEarly" : null;
}

/** Text limits of notes, reasons and references (configuration). */
export const TEXT_LIMITS = {
  note: { min: 1, max: 2000 },
  reason: { min: 10, max: 2000 },
  reference: { min: 1, max: 100 },
} as const;
