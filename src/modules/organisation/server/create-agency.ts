import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AgencyInput } from "../organisation.schemas";
import { conflictOnDuplicate } from "./unique-violation";

/** ADMIN_LPSE registers a K/L/PD served by this LPSE. Its code is unique (also in the database). */
export async function createAgency(actor: Actor, input: AgencyInput): Promise<{ id: string }> {
  if (!can(actor, "agency.manage")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const lpse = await tx.lpseInstance.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!lpse) throw new AppError("INVALID_STATE", "noLpseInstance");
    const agency = await conflictOnDuplicate(
      () => tx.agency.create({ data: { ...input, lpseId: lpse.id }, select: { id: true } }),
      "agencyCodeTaken",
    );
    await recordAuditEvent(tx, {
      actor,
      action: "agency.created",
      entityType: "Agency",
      entityId: agency.id,
      data: input,
    });
    return agency;
  });
}
