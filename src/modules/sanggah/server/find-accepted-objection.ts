import "server-only";
import type { Tx } from "@/server/db";
import { currentRound } from "../domain/closing";

/** Was a sanggah or banding against the announcement in force (`announcedAt`) accepted? */
export async function hasAcceptedObjection(tx: Tx, tenderId: string, announcedAt: Date | null): Promise<boolean> {
  if (!announcedAt) return false;
  const accepted = await tx.sanggah.findMany({ where: { tenderId, decision: "ACCEPTED" }, select: { filedAt: true } });
  return currentRound(accepted, announcedAt).length > 0;
}
