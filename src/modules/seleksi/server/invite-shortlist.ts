import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { notifyEach } from "@/modules/notifications";
import { vendorUserIds } from "@/modules/sanggah";
import type { Tx } from "@/server/db";
import { invitationMessage } from "../domain/messages";

/**
 * When a seleksi's UNDANGAN stage comes (the schedule worker's stage boundary, in its
 * transaction), each firm on the shortlist announced for the round in force is invited to
 * pemberian penjelasan and to bid, by notification and e-mail (Perlem LKPP 12/2021
 * Lampiran II: undangan kepada peserta daftar pendek). A tender without prakualifikasi, or
 * with no shortlist standing, invites nobody. The worker records each boundary once, so
 * each invitation goes once.
 */
export async function inviteShortlist(tx: Tx, tenderId: string): Promise<number> {
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      prequalificationRound: true,
      shortlistAnnouncedAt: true,
      procedure: { select: { hasPrakualifikasi: true } },
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
    },
  });
  if (!tender.procedure.hasPrakualifikasi || !tender.shortlistAnnouncedAt) return 0;
  const listed = await tx.prequalificationApplication.findMany({
    where: { tenderId, round: tender.prequalificationRound, shortlisted: true },
    select: { vendorId: true },
  });
  const message = invitationMessage({
    id: tender.id,
    code: tender.code,
    name: tender.paket.name,
    timeZone: tender.paket.agency.timeZone,
  });
  const messages = [];
  for (const { vendorId } of listed)
    for (const userId of await vendorUserIds(tx, vendorId)) messages.push({ ...message, userId });
  await notifyEach(tx, messages);
  await recordAuditEvent(tx, {
    actor: null,
    action: "seleksi.shortlistInvited",
    entityType: "Tender",
    entityId: tenderId,
    data: { round: tender.prequalificationRound, vendorIds: listed.map((l) => l.vendorId) },
  });
  return listed.length;
}
