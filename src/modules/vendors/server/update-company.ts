import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { LEGAL_COMPANY_FIELDS } from "../domain/verification";
import type { CompanyInput } from "../vendors.schemas";
import { lockOwnVendor, reopenIfVerified } from "./own-vendor";
import { assertIdentityFree, uniqueViolation } from "./unique-identity";

const FIELDS = [
  "name",
  "businessForm",
  "npwp",
  "nib",
  "address",
  "city",
  "province",
  "email",
  "phone",
  "kbli",
] as const;

/**
 * The company edits its own data. A change to a legal field (name, form, NPWP, NIB) sends
 * a verified profile back to the queue; the address or phone does not.
 */
export async function updateCompany(
  actor: Actor,
  input: CompanyInput,
): Promise<{ changed: string[]; status: VendorStatus }> {
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockOwnVendor(tx, actor);
      const current = await tx.vendor.findUniqueOrThrow({
        where: { id: locked.id },
        select: Object.fromEntries(FIELDS.map((f) => [f, true])) as Record<(typeof FIELDS)[number], true>,
      });
      const changed = FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(input[f]));
      if (changed.length === 0) return { changed, status: locked.status };
      await assertIdentityFree(tx, input, locked.id);
      await tx.vendor.update({ where: { id: locked.id }, data: Object.fromEntries(changed.map((f) => [f, input[f]])) });
      await recordAuditEvent(tx, {
        actor,
        action: "vendor.profileUpdated",
        entityType: "Vendor",
        entityId: locked.id,
        data: {
          changed,
          before: Object.fromEntries(changed.map((f) => [f, current[f]])),
          after: Object.fromEntries(changed.map((f) => [f, input[f]])),
        },
      });
      const legal = changed.filter((f) => (LEGAL_COMPANY_FIELDS as readonly string[]).includes(f));
      const status = legal.length ? await reopenIfVerified(tx, actor, locked, legal.join(",")) : locked.status;
      return { changed, status };
    });
  } catch (error) {
    throw uniqueViolation(error, { npwp: "npwp", nib: "nib" }) ?? error;
  }
}
