import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/modules/auth/domain";
import { notify, findParticipantUserIds } from "@/modules/notifications";
import { applyTenderEvent } from "@/modules/tenders";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { markTransferredSchema, transferredMessage, type MarkTransferredInput } from "../domain/transfer-input";

/** zod issues as field errors (message keys under errors), the way the forms show them. */
function fieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

/**
 * The source side of a move (docs/decisions/0040): ADMIN_LPSE records that the tender now
 * lives at another LPSE. One transaction: the `transferred` lifecycle event (status
 * TRANSFERRED, transferredAt, the worker never looks again; audited as tender.transferred
 * with the new home and the bundle's manifest hash), the public TenderTransfer row, and the
 * notice to the participants and the Pokja. From then on every change to the tender is
 * refused here, because TRANSFERRED is an ended status.
 *
 * The manifest hash is the one `tender export` printed. An export from a restored backup
 * is not recorded on this instance, so a hash with no `tender.exported` event here is
 * accepted, and the audit event says so (exportRecordedHere: false).
 */
export async function markTenderTransferred(actor: Actor, raw: MarkTransferredInput) {
  if (!can(actor, "tender.transfer")) throw new AppError("FORBIDDEN");
  const parsed = markTransferredSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "VALIDATION", {}, fieldErrors(parsed.error));
  const input = parsed.data;
  const destinationUrl = new URL(input.destinationUrl).toString();

  return db.$transaction(async (tx) => {
    const tender = await tx.tender.findUnique({
      where: { code: input.code },
      select: { id: true, code: true, pokjaId: true, paket: { select: { name: true } } },
    });
    if (!tender) throw new AppError("NOT_FOUND", "tenderExport.notFound", { code: input.code });
    const recorded = await tx.auditEvent.count({
      where: {
        action: "tender.exported",
        entityId: tender.id,
        data: { path: ["manifestSha256"], equals: input.manifestSha256 },
      },
    });
    const applied = await applyTenderEvent(
      tx,
      tender.id,
      { kind: "transferred" },
      {
        actor,
        audit: {
          tenderId: tender.id,
          tenderCode: tender.code,
          destinationUrl,
          destinationName: input.destinationName,
          manifestSha256: input.manifestSha256,
          exportRecordedHere: recorded > 0,
        },
      },
    );
    try {
      await tx.tenderTransfer.create({
        data: {
          tenderId: tender.id,
          destinationUrl,
          destinationName: input.destinationName,
          manifestSha256: input.manifestSha256,
          transferredById: actor.userId,
          transferredAt: applied.now,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("CONFLICT", "tenderEventWrongState");
      throw error;
    }
    const members = tender.pokjaId
      ? await tx.pokjaMember.findMany({ where: { pokjaId: tender.pokjaId }, select: { userId: true } })
      : [];
    const userIds = [...(await findParticipantUserIds(tx, tender.id)), ...members.map((m) => m.userId)];
    const notified = await notify(tx, {
      ...transferredMessage({
        code: tender.code,
        name: tender.paket.name,
        destinationName: input.destinationName,
        destinationUrl,
      }),
      link: `/tender/${encodeURIComponent(tender.code)}`,
      userIds,
    });
    return { tenderId: tender.id, code: tender.code, transferredAt: applied.now, notified };
  });
}
