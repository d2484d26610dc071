import "server-only";
import { formatInZone } from "@/lib/time";
import { activeMembershipWhere } from "@/modules/auth";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { SanggahRecord } from "../domain/closing";
import type { Check } from "../domain/filing-rules";
import { withStageEnds, type SanggahRules } from "../domain/windows";

const RULES_SELECT = {
  sanggahDays: true,
  sanggahAnswerDays: true,
  hasSanggahBanding: true,
  bandingDays: true,
  bandingAnswerDays: true,
} as const;
export const RECORD_SELECT = {
  id: true,
  kind: true,
  vendorId: true,
  appealOfId: true,
  filedAt: true,
  answeredAt: true,
  decision: true,
} as const;

/**
 * Locks the tender row, then reads what every sanggah rule needs: two vendors filing, or a
 * Pokja member answering while the PPK issues the SPPBJ, take turns on the lock and each
 * sees the other's result.
 */
export async function lockSanggahContext(tx: Tx, tenderId: string) {
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      announcedAt: true,
      winnerBidId: true,
      procedure: { select: RULES_SELECT },
      paket: { select: { id: true, name: true, hps: true, agencyId: true, agency: { select: { timeZone: true } } } },
      pokja: { select: { members: { select: { userId: true } } } },
      sanggahs: { orderBy: { filedAt: "asc" }, select: RECORD_SELECT },
      stages: { where: { kind: { in: ["MASA_SANGGAH", "SANGGAH_BANDING"] } }, select: { kind: true, endsAt: true } },
    },
  });
  if (!tender) throw new AppError("NOT_FOUND");
  // a stage compensation or a Pokja's change moved later closes the window later (issue 13)
  const rules: SanggahRules = withStageEnds(tender.procedure, tender.stages);
  const records: SanggahRecord[] = tender.sanggahs;
  const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
  return { tender, rules, records, ref, pokjaUserIds: tender.pokja?.members.map((m) => m.userId) ?? [] };
}

/** A refused check as INVALID_STATE, naming the window in the agency's zone (WIB/WITA/WIT). */
export function throwUnlessOk(check: Check, timeZone: string): void {
  if (check.ok) return;
  const values: Record<string, string> = check.window
    ? { start: formatInZone(check.window.start, timeZone, "id"), end: formatInZone(check.window.end, timeZone, "id") }
    : {};
  throw new AppError("INVALID_STATE", check.key, values);
}

/** The PENYEDIA users of a vendor, who are told about their company's objections. */
export async function vendorUserIds(tx: Tx, vendorId: string) {
  const users = await tx.user.findMany({
    where: { vendorId, memberships: { some: { role: "PENYEDIA", ...activeMembershipWhere(await dbNow(tx)) } } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}
