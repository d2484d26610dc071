import { agenciesFor, hasRole, type Actor, type Membership } from "./domain/permissions";

export interface ManagedUser {
  id: string;
  memberships: Membership[];
}

/**
 * May the actor disable or enable this user? ADMIN_LPSE: anyone but themselves.
 * ADMIN_AGENCY: only users whose every role sits in one of the admin's own agencies, so
 * an agency admin can never lock out an LPSE admin, a vendor or another agency's staff.
 */
export function canManageUser(actor: Actor, target: ManagedUser): boolean {
  if (target.id === actor.userId) return false;
  if (hasRole(actor, "ADMIN_LPSE")) return true;
  const agencies = agenciesFor(actor, "user.disable");
  if (agencies.length === 0 || target.memberships.length === 0) return false;
  return target.memberships.every((m) => m.agencyId !== null && agencies.includes(m.agencyId));
}
