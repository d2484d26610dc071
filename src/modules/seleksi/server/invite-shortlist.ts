import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { findBindingEntries } from "@/modules/blacklist";
import { notify, notifyEach } from "@/modules/notifications";
import { vendorUserIds } from "@/modules/sanggah";
import { dbNow, type Tx } from "@/server/db";
import { invitationMessage, notInvitedBlacklistedMessage } from "../domain/messages";
import { pokjaUserIdsOf, readSeleksiTender, tenderRefOf } from "./seleksi-context";

/**
 * When a seleksi's UNDANGAN stage comes (the schedule worker's stage boundary, in its
 * transaction), each firm on the shortlist announced for the round in force is invited to
 * pemberian penjelasan and to bid, by notification and e-mail (Perlem LKPP 12/2021
 * Lampiran II: undangan kepada peserta daftar pendek). A tender without prakualifikasi, or
 * with no shortlist standing, invites nobody. The worker records each boundary once, so
 * each invitation goes once.
 *
 * A firm put on the daftar hitam after the shortlist was announced is not invited (Perpres
 * 16/2018 Pasal 78 ayat (5): it takes no part for the sanction's period); the Pokja is told
 * which firm and which decree, and the audit event names the entry.
 */
export async function inviteShortlist(tx: Tx, tenderId: string): Promise<number> {
  const tender = await readSeleksiTender(tx, tenderId);
  if (!tender.procedure.hasPrakualifikasi || !tender.shortlistAnnouncedAt) return 0;
  const listed = await tx.prequalificationApplication.findMany({
    where: { tenderId, round: tender.prequalificationRound, shortlisted: true },
    select: { vendorId: true },
  });
  const now = await dbNow(tx);
  const bound = await findBindingEntries(
    tx,
    listed.map((l) => l.vendorId),
    now,
  );
  const barred = bound.map(({ vendorId, entry }) => ({
    vendorId,
    vendorName: entry.vendorName,
    blacklistEntryId: entry.id,
    decreeNumber: entry.decreeNumber,
  }));
  const invited = listed.map((l) => l.vendorId).filter((id) => !barred.some((b) => b.vendorId === id));

  const ref = tenderRefOf(tender);
  const message = invitationMessage(ref);
  const messages = [];
  for (const vendorId of invited)
    for (const userId of await vendorUserIds(tx, vendorId)) messages.push({ ...message, userId });
  await notifyEach(tx, messages);
  if (barred.length > 0)
    await notify(tx, { ...notInvitedBlacklistedMessage(ref, barred), userIds: pokjaUserIdsOf(tender) });
  await recordAuditEvent(tx, {
    actor: null,
    action: "seleksi.shortlistInvited",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      round: tender.prequalificationRound,
      vendorIds: invited,
      notInvitedBlacklisted: barred.map(({ vendorId, blacklistEntryId }) => ({ vendorId, blacklistEntryId })),
    },
  });
  return invited.length;
}
