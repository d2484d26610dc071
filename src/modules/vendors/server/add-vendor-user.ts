import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { hashNewPassword } from "@/modules/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { VendorUserInput } from "../vendors.schemas";
import { lockOwnVendor } from "./own-vendor";
import { assertEmailFree, uniqueViolation } from "./unique-identity";

/**
 * A PENYEDIA user adds a colleague to their own company, with the role PENYEDIA and an
 * initial password to hand over. The target vendor is named in the input and must be
 * the actor's own: a stale tab or a forged id cannot reach another company.
 */
export async function addVendorUser(actor: Actor, input: VendorUserInput): Promise<{ userId: string }> {
  if (!can(actor, "vendor.manageUsers") || actor.vendorId !== input.vendorId) throw new AppError("FORBIDDEN");
  // the password policy (decision 0033) holds for a colleague's first password too
  const passwordHash = await hashNewPassword(input.password, { email: input.email, name: input.name });
  try {
    return await db.$transaction(async (tx) => {
      const vendor = await lockOwnVendor(tx, actor);
      await assertEmailFree(tx, input.email, "email");
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          vendorId: vendor.id,
          memberships: { create: { role: "PENYEDIA" } },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "vendor.userAdded",
        entityType: "Vendor",
        entityId: vendor.id,
        data: { userId: user.id, email: input.email, name: input.name },
      });
      return { userId: user.id };
    });
  } catch (error) {
    throw uniqueViolation(error, { email: "email" }) ?? error;
  }
}
