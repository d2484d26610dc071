import type { Role } from "@/modules/auth/domain";

/** The roles of the LPSE itself, held instance-wide (agencyId null); ADMIN_LPSE grants them. */
export const LPSE_ROLES = ["ADMIN_LPSE", "VERIFIKATOR", "AUDITOR"] as const satisfies readonly Role[];

/** The roles an agency's admin grants to its own staff. */
export const AGENCY_STAFF_ROLES = ["PPK", "POKJA", "KPA", "PEJABAT_PENGADAAN"] as const satisfies readonly Role[];

/** Every role a person can be given on the organisation pages; PENYEDIA comes only with a vendor. */
export const GRANTABLE_ROLES = [...LPSE_ROLES, "ADMIN_AGENCY", ...AGENCY_STAFF_ROLES] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

/**
 * Who grants and revokes a role (configuration, not law: the UKPBJ's own arrangement; decision
 * 0032). "lpse": ADMIN_LPSE, for the LPSE's roles and for an agency's admin; "agency": that
 * agency's ADMIN_AGENCY, for its staff.
 */
export function grantAuthorityFor(role: Role): "lpse" | "agency" | null {
  if ((LPSE_ROLES as readonly Role[]).includes(role) || role === "ADMIN_AGENCY") return "lpse";
  if ((AGENCY_STAFF_ROLES as readonly Role[]).includes(role)) return "agency";
  return null;
}

/** Whether the role belongs to an agency (agencyId set) rather than to the whole LPSE. */
export function isAgencyRole(role: Role): boolean {
  return role === "ADMIN_AGENCY" || (AGENCY_STAFF_ROLES as readonly Role[]).includes(role);
}

export interface Validity {
  validFrom: Date | null;
  validUntil: Date | null;
}

/** A role counts when not revoked, begun and not run out (the same rule as activeMembershipWhere). */
export function isActiveAt(grant: Validity & { revokedAt: Date | null }, now: Date): boolean {
  if (grant.revokedAt) return false;
  if (grant.validFrom && grant.validFrom.getTime() > now.getTime()) return false;
  return !grant.validUntil || grant.validUntil.getTime() > now.getTime();
}

export type GrantState = "active" | "scheduled" | "expired" | "revoked";

/** A grant as the organisation pages list it, current and past (revoked and run-out rows are history). */
export interface GrantRow {
  id: string;
  role: Role;
  skNumber: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  grantedBy: string | null;
  revokedBy: string | null;
  state: GrantState;
}

/** How a grant reads on the history list. */
export function grantStateAt(grant: Validity & { revokedAt: Date | null }, now: Date): GrantState {
  if (grant.revokedAt) return "revoked";
  if (grant.validFrom && grant.validFrom.getTime() > now.getTime()) return "scheduled";
  if (grant.validUntil && grant.validUntil.getTime() <= now.getTime()) return "expired";
  return "active";
}
