/**
 * The payment plan of a contract: termins as shares in basis points, or equal months. The
 * figures here are configuration, not law: Perpres 16/2018 Pasal 53 lets payment be made by
 * termin or monthly but sets no count or rounding.
 */
export const TERMIN_LIMITS = {
  /** at most this many termins (or months) in one contract */
  maxRows: 24,
  /** the shares of a contract sum to exactly this (100%) */
  wholeBp: 10_000,
} as const;

export interface TerminShare {
  description: string;
  percentBp: number;
}

export interface PlannedTermin extends TerminShare {
  position: number;
  amount: bigint;
  /** YYYY-MM-DD, the month's end in the monthly mode */
  dueOn: string | null;
}

export type TerminIssue = "terminsEmpty" | "terminsTooMany" | "terminsSum" | "terminPercentInvalid";

/**
 * Rupiah by cumulative rounding down: termin i gets floor(value x cumulative share up to i)
 * minus the same up to i - 1. The amounts sum to exactly the value, each is within one rupiah
 * of its share, and the last termin carries the rounding.
 */
export function terminAmounts(value: bigint, shares: readonly number[]): bigint[] {
  let cumulativeBp = 0n;
  let before = 0n;
  return shares.map((bp) => {
    cumulativeBp += BigInt(bp);
    const upTo = (value * cumulativeBp) / BigInt(TERMIN_LIMITS.wholeBp);
    const amount = upTo - before;
    before = upTo;
    return amount;
  });
}

export function terminIssue(shares: readonly number[]): TerminIssue | null {
  if (shares.length === 0) return "terminsEmpty";
  if (shares.length > TERMIN_LIMITS.maxRows) return "terminsTooMany";
  if (shares.some((bp) => !Number.isInteger(bp) || bp < 1 || bp > TERMIN_LIMITS.wholeBp)) return "terminPercentInvalid";
  return shares.reduce((a, b) => a + b, 0) === TERMIN_LIMITS.wholeBp ? null : "terminsSum";
}

export function planTermins(
  value: bigint,
  rows: readonly TerminShare[],
): { ok: true; termins: PlannedTermin[] } | { ok: false; issue: TerminIssue } {
  const issue = terminIssue(rows.map((r) => r.percentBp));
  if (issue) return { ok: false, issue };
  const amounts = terminAmounts(
    value,
    rows.map((r) => r.percentBp),
  );
  return {
    ok: true,
    termins: rows.map((r, i) => ({ ...r, position: i + 1, amount: amounts[i]!, dueOn: null })),
  };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [, y, m, d] = DAY.exec(day)!.map(Number) as [number, number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Months of the period, a part month counting whole: 1 Jan to 31 Jan is 1, to 1 Feb is 1, to 2 Feb is 2. */
export function monthsIn(startsOn: string, endsOn: string): number {
  let months = 1;
  while (addMonths(startsOn, months) < endsOn) months += 1;
  return months;
}

/**
 * The monthly mode: equal shares over the period's months (cumulative rounding of the basis
 * points as of the rupiah), each due at its month's end, the last on the period's end.
 */
export function monthlyPlan(
  value: bigint,
  startsOn: string,
  endsOn: string,
): { ok: true; termins: PlannedTermin[] } | { ok: false; issue: TerminIssue } {
  const count = monthsIn(startsOn, endsOn);
  if (count > TERMIN_LIMITS.maxRows) return { ok: false, issue: "terminsTooMany" };
  const whole = TERMIN_LIMITS.wholeBp;
  const shares = Array.from(
    { length: count },
    (_, i) => Math.floor((whole * (i + 1)) / count) - Math.floor((whole * i) / count),
  );
  const amounts = terminAmounts(value, shares);
  return {
    ok: true,
    termins: shares.map((bp, i) => {
      const due = addMonths(startsOn, i + 1);
      return {
        position: i + 1,
        description: `Bulan ke-${i + 1}`,
        percentBp: bp,
        amount: amounts[i]!,
        dueOn: i === count - 1 || due > endsOn ? endsOn : due,
      };
    }),
  };
}
