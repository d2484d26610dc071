import type { ProcurementCategory } from "@/generated/prisma/enums";
import { parseRupiah } from "@/lib/money";

/** What the form holds: every field as typed. The server parses and checks it again. */
export interface HpsLineValues {
  description: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

export interface PaketFormValues {
  rupCode: string;
  name: string;
  category: ProcurementCategory;
  fiscalYear: string;
  fundingSource: string;
  pagu: string;
  location: string;
  workUnitId: string;
  items: HpsLineValues[];
}

export const emptyLine = (): HpsLineValues => ({ description: "", unit: "", quantity: "1", unitPrice: "" });

/** The line total as typed, or null while the volume or price cannot be read yet. */
export function lineTotal(line: HpsLineValues): bigint | null {
  const price = parseRupiah(line.unitPrice);
  if (price === null || !/^\d+$/.test(line.quantity.trim())) return null;
  return BigInt(line.quantity.trim()) * price;
}

/** The HPS total of the lines that can be read; null when none can. Same sum as the server's hpsTotal. */
export function typedHpsTotal(lines: readonly HpsLineValues[]): bigint | null {
  const totals = lines.map(lineTotal).filter((t): t is bigint => t !== null);
  return totals.length === 0 ? null : totals.reduce((a, b) => a + b, 0n);
}
