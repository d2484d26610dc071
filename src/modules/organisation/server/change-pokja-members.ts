import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ChangePokjaMembersInput } from "../organisation.schemas";
import { assertPokjaMembers, memberRows } from "./check-pokja-members";

/**
 * Replaces a Pokja's members and leader under the same rules as forming it. Refused
 * while one of its tenders is announced or in evaluation: the members then hold the
 * opening key and answer for the stage in progress, so a change needs a new decree
 * and a re-shared key, which Segel does not do yet.
 */
export async function changePokjaMembers(actor: Actor, input: ChangePokjaMembersInput): Promise<void> {
  await db.$transaction(async (tx) => {
    // Row lock: two admins editing at once take turns instead of mixing their lists.
    await tx.$executeRaw`SELECT 1 FROM "Pokja" WHERE id = ${input.pokjaId}::uuid FOR UPDATE`;
    const pokja = await tx.pokja.findUnique({
      where: { id: input.pokjaId },
      select: {
        id: true,
        agencyId: true,
        members: { select: { userId: true, isLeader: true } },
        tenders: { where: { status: { in: ["PUBLISHED", "EVALUATION"] } }, select: { id: true }, take: 1 },
      },
    });
    if (!pokja || !can(actor, "pokja.manage", { agencyId: pokja.agencyId })) throw new AppError("NOT_FOUND");
    if (pokja.tenders.length > 0) throw new AppError("INVALID_STATE", "pokjaHasActiveTender");
    await assertPokjaMembers(tx, pokja.agencyId, input);
    await tx.pokjaMember.deleteMany({ where: { pokjaId: pokja.id } });
    await tx.pokjaMember.createMany({ data: memberRows(input).map((m) => ({ ...m, pokjaId: pokja.id })) });
    await recordAuditEvent(tx, {
      actor,
      action: "pokja.membersChanged",
      entityType: "Pokja",
      entityId: pokja.id,
      data: {
        before: {
          memberIds: pokja.members.map((m) => m.userId),
          leaderId: pokja.members.find((m) => m.isLeader)?.userId ?? null,
        },
        after: { memberIds: input.memberIds, leaderId: input.leaderId },
      },
    });
  });
}
