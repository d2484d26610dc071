import "server-only";
import { activeMembershipWhere } from "@/modules/auth";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { findPokjaProblem, type PokjaComposition } from "../domain/pokja-composition";

/**
 * The membership rules of a Pokja, checked against the data: the size and leader rule,
 * then that every member holds the POKJA role in this agency and is not disabled.
 */
export async function assertPokjaMembers(tx: Tx, agencyId: string, composition: PokjaComposition): Promise<void> {
  const problem = findPokjaProblem(composition);
  if (problem) throw new AppError("VALIDATION", problem);
  const eligible = await tx.user.count({
    where: {
      id: { in: [...composition.memberIds] },
      isDisabled: false,
      memberships: { some: { role: "POKJA", agencyId, ...activeMembershipWhere(await dbNow(tx)) } },
    },
  });
  if (eligible !== composition.memberIds.length) throw new AppError("VALIDATION", "pokjaMemberNotEligible");
}

export function memberRows(composition: PokjaComposition) {
  return composition.memberIds.map((userId) => ({ userId, isLeader: userId === composition.leaderId }));
}
