import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { deadlineAfterMaintenance } from "@/modules/availability";
import type { Actor } from "@/modules/auth/domain";
import { scheduleChangedMessage } from "@/modules/notifications/domain";
import { notifyTenderParticipants } from "@/modules/notifications";
import { findBidDeadline, pushBack } from "@/modules/tenders/domain";
import { applyStageMoves, describeMove, rescheduleNextCheck, loadStages } from "@/modules/tenders";
import idCommon from "@/i18n/messages/id/common.json";
import type { Tx } from "@/server/db";
import { addendumShiftMs } from "../domain/addendum-extension";

const span = (hours: number) => (hours % 24 === 0 ? `${hours / 24} hari` : `${hours} jam`);

/** The public reason of the push, in Indonesian like every schedule change reason. */
export const addendumExtensionReason = (minHours: number) =>
  `Adendum dokumen pemilihan diterbitkan kurang dari ${span(minHours)} sebelum batas akhir penawaran; batas akhir diperpanjang otomatis agar penyedia mempunyai paling sedikit ${span(minHours)} setelah adendum.`;

/**
 * Part of publishing an addendum, in its transaction and under the tender's row lock:
 * when fewer than the procedure's addendumMinHours are left before the bid deadline
 * (database clock), the deadline and every stage after it are pushed back so bidders
 * keep that time. The push is a public schedule change (changedById null: the rule did
 * it, the Pokja member's addendum caused it), audited, and bidders are told.
 * Returns the new deadline, or null when none was needed.
 */
export async function extendDeadlineForAddendum(
  tx: Tx,
  actor: Actor,
  tender: {
    id: string;
    code: string;
    procedure: { addendumMinHours: number };
    paket: { name: string; agency: { timeZone: string } };
  },
  documentId: string,
  now: Date,
): Promise<Date | null> {
  const stages = await loadStages(tx, tender.id);
  const minHours = tender.procedure.addendumMinHours;
  const minimumShiftMs = addendumShiftMs(stages, now, minHours);
  const deadline = findBidDeadline(stages);
  if (minimumShiftMs === 0 || !deadline) return null;
  // a deadline pushed into an announced maintenance window goes to its end (docs/decisions/0040)
  const newDeadline = await deadlineAfterMaintenance(tx, new Date(deadline.getTime() + minimumShiftMs), now);
  const shiftMs = newDeadline.getTime() - deadline.getTime();

  const reason = addendumExtensionReason(minHours);
  const moves = pushBack(stages, deadline, shiftMs);
  await applyStageMoves(tx, tender.id, stages, moves, { reason, changedById: null, changedAt: now });
  await rescheduleNextCheck(tx, tender.id, now);
  const upload = moves.find(
    (m) => m.stage.kind === "UPLOAD_PENAWARAN" && m.stage.endsAt.getTime() === deadline.getTime(),
  )!;
  await recordAuditEvent(tx, {
    actor,
    action: "tender.scheduleChanged",
    entityType: "Tender",
    entityId: tender.id,
    data: {
      ...describeMove(upload),
      pushedBack: moves.filter((m) => m !== upload).map(describeMove),
      reason,
      addendumDocumentId: documentId,
      addendumMinHours: minHours,
    },
  });
  const ref = { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone };
  const label = (idCommon.stage as Record<string, string>).UPLOAD_PENAWARAN ?? "UPLOAD_PENAWARAN";
  await notifyTenderParticipants(
    tx,
    tender.id,
    scheduleChangedMessage(ref, label, upload.startsAt, upload.endsAt, reason),
  );
  return upload.endsAt;
}
