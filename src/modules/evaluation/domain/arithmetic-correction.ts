/**
 * Koreksi aritmatik (Perlem LKPP 12/2021, Lampiran II, evaluasi harga): when a line's
 * stated total differs from quantity × unit price, the unit price governs and the line
 * total is recomputed; the corrected total is the sum of recomputed lines. The corrected
 * total may be higher or lower than the offer, and it is what the HPS rule and the
 * ranking use.
 */
export interface PriceLine {
  quantity: bigint;
  unitPrice: bigint;
  statedTotal: bigint;
}

export interface CorrectedLine {
  /** 0-based position in the breakdown */
  index: number;
  statedTotal: bigint;
  correctedTotal: bigint;
}

export interface Correction {
  correctedTotal: bigint;
  statedTotal: bigint;
  /** only the lines whose stated total was wrong */
  differing: CorrectedLine[];
}

export function correctBreakdown(lines: readonly PriceLine[]): Correction {
  let correctedTotal = 0n;
  let statedTotal = 0n;
  const differing: CorrectedLine[] = [];
  lines.forEach((line, index) => {
    const recomputed = line.quantity * line.unitPrice;
    correctedTotal += recomputed;
    statedTotal += line.statedTotal;
    if (recomputed !== line.statedTotal)
      differing.push({ index, statedTotal: line.statedTotal, correctedTotal: recomputed });
  });
  return { correctedTotal, statedTotal, differing };
}
