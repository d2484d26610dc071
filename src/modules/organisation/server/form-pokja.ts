import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { FormPokjaInput } from "../organisation.schemas";
import { assertPokjaMembers, memberRows } from "./check-pokja-members";

/** Forms a Pokja Pemilihan in the admin's own agency (the UKPBJ's decree, as data). */
export async function formPokja(actor: Actor, input: FormPokjaInput): Promise<{ id: string }> {
  if (!can(actor, "pokja.manage", { agencyId: input.agencyId })) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    await assertPokjaMembers(tx, input.agencyId, input);
    const sameName = await tx.pokja.count({
      where: { agencyId: input.agencyId, name: { equals: input.name, mode: "insensitive" } },
    });
    if (sameName > 0) throw new AppError("CONFLICT", "pokjaNameTaken");
    const pokja = await tx.pokja.create({
      data: {
        agencyId: input.agencyId,
        name: input.name,
        skNumber: input.skNumber,
        skDate: new Date(`${input.skDate}T00:00:00Z`),
        members: { create: memberRows(input) },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "pokja.formed",
      entityType: "Pokja",
      entityId: pokja.id,
      data: {
        agencyId: input.agencyId,
        name: input.name,
        skNumber: input.skNumber,
        skDate: input.skDate,
        memberIds: input.memberIds,
        leaderId: input.leaderId,
      },
    });
    return pokja;
  });
}
