import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { can, type Actor, type Permission } from "@/modules/auth/domain";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";

const ACCESS = {
  paket: { select: { agencyId: true } },
  pokja: { select: { members: { select: { userId: true } } } },
} satisfies Prisma.TenderSelect;

/**
 * A tender is the Pokja's work only for the members of its Pokja who still hold the
 * role in the tender's agency: a seat without the role, the role in another agency, or
 * a PPK of the same agency all see nothing (NOT_FOUND, so ids cannot be probed).
 */
export async function assertPokjaAccess(
  client: Db | Tx,
  actor: Actor,
  tenderId: string,
  permission: Permission,
): Promise<void> {
  const access = await client.tender.findUnique({ where: { id: tenderId }, select: ACCESS });
  const isMember = access?.pokja?.members.some((m) => m.userId === actor.userId) ?? false;
  if (!access || !isMember || !can(actor, permission, { agencyId: access.paket.agencyId }))
    throw new AppError("NOT_FOUND");
}

/**
 * Checks access, then locks the tender row for the rest of the transaction, so two
 * members saving and publishing at once take turns and each sees the other's result.
 */
export async function lockPokjaTender<S extends Prisma.TenderSelect>(
  tx: Tx,
  actor: Actor,
  tenderId: string,
  permission: Permission,
  select: S,
) {
  await assertPokjaAccess(tx, actor, tenderId, permission);
  await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
  return tx.tender.findUniqueOrThrow({ where: { id: tenderId }, select });
}
