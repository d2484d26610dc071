import "server-only";
import { db } from "@/server/db";
import type { RedFlagCode } from "../domain/codes";
import { RED_FLAG_DEFINITIONS } from "../domain/flags";

export interface TenderRedFlagView {
  code: RedFlagCode;
  detail: Record<string, string | number>;
  raisedAt: Date;
}

/** A tender's raised flags in the table's order (TenderRedFlag's tenderId+code index): public. */
export async function findTenderRedFlags(tenderId: string): Promise<TenderRedFlagView[]> {
  const rows = await db.tenderRedFlag.findMany({
    where: { tenderId },
    select: { code: true, detail: true, raisedAt: true },
  });
  const order = RED_FLAG_DEFINITIONS.map((d) => d.code);
  return rows
    .map((r) => ({ ...r, detail: r.detail as TenderRedFlagView["detail"] }))
    .sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
}
