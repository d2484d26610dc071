import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { hashNewPassword } from "@/modules/auth";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { RegisterVendorInput } from "../vendors.schemas";
import { queueEmailConfirmation } from "./email-confirmation";
import { assertEmailFree, assertIdentityFree, uniqueViolation } from "./unique-identity";

/**
 * A company registers itself and its first user (role PENYEDIA) in one transaction; the
 * profile starts PENDING but not sent (submittedAt null): the company completes it and
 * sends it to the Verifikator's queue itself (submitVendor).
 * Public: the caller is not signed in. A signed-in user already belongs somewhere and
 * registers no second company from their session.
 */
export async function registerVendor(
  actor: Actor | null,
  input: RegisterVendorInput,
  request: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
): Promise<{ vendorId: string; userId: string }> {
  if (actor) throw new AppError("FORBIDDEN", "signedInCannotRegister");
  // The password policy (decision 0033), then the hash, outside the transaction: it takes a while and holds no lock.
  const passwordHash = await hashNewPassword(input.password, { email: input.userEmail, name: input.userName });
  try {
    return await db.$transaction(async (tx) => {
      await assertIdentityFree(tx, input);
      await assertEmailFree(tx, input.userEmail, "userEmail");
      const now = await dbNow(tx);
      const vendor = await tx.vendor.create({
        data: {
          name: input.name,
          businessForm: input.businessForm,
          npwp: input.npwp,
          nib: input.nib,
          address: input.address,
          city: input.city,
          province: input.province,
          email: input.email,
          phone: input.phone,
          kbli: input.kbli,
          status: "PENDING",
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: {
          email: input.userEmail,
          name: input.userName,
          passwordHash,
          vendorId: vendor.id,
          memberships: { create: { role: "PENYEDIA" } },
        },
        select: { id: true, name: true },
      });
      // the address is confirmed by the link in this mail before the profile can be sent
      await queueEmailConfirmation(tx, user.id);
      // The new user is the one who acted: the audit row names them, not "Sistem".
      await recordAuditEvent(tx, {
        actor: { userId: user.id, name: user.name, ...request },
        action: "vendor.registered",
        entityType: "Vendor",
        entityId: vendor.id,
        data: {
          name: input.name,
          businessForm: input.businessForm,
          npwp: input.npwp,
          nib: input.nib,
          userId: user.id,
          userEmail: input.userEmail,
          registeredAt: now.toISOString(),
        },
      });
      return { vendorId: vendor.id, userId: user.id };
    });
  } catch (error) {
    throw uniqueViolation(error, { npwp: "npwp", nib: "nib", email: "userEmail" }) ?? error;
  }
}
