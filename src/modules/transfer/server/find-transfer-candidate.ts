import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getInstanceKey } from "@/server/instance-key";
import { exportRefusal } from "./collect-tender-rows";

export interface TransferCandidate {
  id: string;
  code: string;
  name: string;
  status: string;
  bids: number;
  participants: number;
  /** why it cannot be exported (a message key under errors, with its values), or null */
  refusal: { messageKey: string; values: Record<string, string | number> } | null;
  /** where it went, once marked */
  transfer: { destinationName: string; destinationUrl: string; manifestSha256: string; transferredAt: Date } | null;
  /** the last bundle exported here, to fill in the "mark as moved" form */
  lastExportSha256: string | null;
}

/** What /admin/pindah-tender shows about one tender, ADMIN_LPSE only; null for an unknown code. */
export async function findTransferCandidate(actor: Actor, code: string): Promise<TransferCandidate | null> {
  if (!can(actor, "tender.transfer")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const tender = await tx.tender.findUnique({
      where: { code: code.trim() },
      select: {
        id: true,
        code: true,
        status: true,
        openedAt: true,
        paket: { select: { name: true } },
        transfer: {
          select: { destinationName: true, destinationUrl: true, manifestSha256: true, transferredAt: true },
        },
        _count: { select: { bids: { where: { status: "SUBMITTED" } }, participants: true } },
      },
    });
    if (!tender) return null;
    const refusal = tender.status === "TRANSFERRED" ? null : await exportRefusal(tx, tender);
    const exported = await tx.auditEvent.findFirst({
      where: { action: "tender.exported", entityId: tender.id },
      orderBy: { seq: "desc" },
      select: { data: true },
    });
    const sha = (exported?.data as { manifestSha256?: unknown } | undefined)?.manifestSha256;
    return {
      id: tender.id,
      code: tender.code,
      name: tender.paket.name,
      status: tender.status,
      bids: tender._count.bids,
      participants: tender._count.participants,
      refusal: refusal ? { messageKey: refusal.messageKey, values: refusal.values } : null,
      transfer: tender.transfer,
      lastExportSha256: typeof sha === "string" ? sha : null,
    };
  });
}

/** This instance's key fingerprint: the receiving LPSE must be told it out of band. */
export async function instanceKeyFingerprint(): Promise<string> {
  return (await getInstanceKey()).fingerprint;
}
