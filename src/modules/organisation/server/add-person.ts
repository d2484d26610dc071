import "server-only";
import { createInvitedUser } from "@/modules/auth";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import type { AddPersonInput } from "../organisation.schemas";
import { assertMayGrant } from "./grant-authority";
import { grantRoleIn } from "./grant-role-in";

/**
 * Adds a person to an agency (or to the LPSE) with one role. The e-mail decides who: an
 * existing user, whatever capitals or spaces were typed, gets the role (a user can hold
 * roles in several agencies); a new address becomes an invited user with no password, whose
 * invitation e-mail is queued in this same transaction (createInvitedUser, decision 0033).
 * An existing user's name, NIP and phone are theirs and are left as they are.
 */
export async function addPerson(
  actor: Actor,
  input: AddPersonInput,
): Promise<{ userId: string; membershipId: string; invited: boolean }> {
  const agencyId = input.agencyId ?? null;
  assertMayGrant(actor, input.role, agencyId);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" } },
      select: { id: true },
    });
    const userId =
      existing?.id ??
      (
        await createInvitedUser(
          tx,
          { email: input.email, name: input.name, nip: input.nip, phone: input.phone, locale: actor.locale },
          actor,
        )
      ).userId;
    const { membershipId } = await grantRoleIn(tx, actor, { ...input, userId, agencyId });
    return { userId, membershipId, invited: !existing };
  });
}
