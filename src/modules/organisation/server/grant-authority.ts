import "server-only";
import { can, type Actor, type Role } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";
import { grantAuthorityFor, isAgencyRole } from "../domain/role-grants";

/**
 * May the actor grant or revoke `role` in `agencyId` (null: instance-wide)? The role and the
 * scope must agree (an agency role names its agency, an LPSE role none), then: ADMIN_LPSE for
 * the LPSE's roles and an agency's admin, that agency's ADMIN_AGENCY for its staff.
 */
export function assertMayGrant(actor: Actor, role: Role, agencyId: string | null): void {
  const authority = grantAuthorityFor(role);
  if (!authority) throw new AppError("VALIDATION", "roleNotGrantable");
  if (isAgencyRole(role) !== (agencyId !== null)) throw new AppError("VALIDATION", "roleScope");
  const allowed =
    authority === "lpse"
      ? can(actor, "agency.manage")
      : can(actor, "organisation.manage", { agencyId: agencyId ?? undefined });
  if (!allowed) throw new AppError("FORBIDDEN");
}
