import type { Actor, Role } from "./permissions";

export type PendingStep = NonNullable<Actor["pending"]>;

/**
 * Roles that hold power over a procurement or over other people's accounts, so their holders
 * must use TOTP when the instance requires it (issue 11, item 4). A vendor (PENYEDIA) may
 * choose to. Configuration, not law: Perpres 16/2018 jo. 12/2021 asks for no second factor.
 */
export const ROLES_REQUIRING_TOTP: readonly Role[] = [
  "ADMIN_LPSE",
  "ADMIN_AGENCY",
  "VERIFIKATOR",
  "PPK",
  "POKJA",
  "KPA",
  "PEJABAT_PENGADAAN",
  "AUDITOR",
];

/** Must a user holding `roles` use TOTP, given the instance setting? */
export function isTotpRequired(roles: readonly Role[], requireStaffTotp: boolean): boolean {
  return requireStaffTotp && roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
}

export interface SessionFactors {
  /** the user has confirmed a TOTP enrolment */
  hasTotp: boolean;
  /** this session has had its second factor (a code, a recovery code, or enrolment in it) */
  hasSecondFactor: boolean;
  /** the instance's setting */
  requireStaffTotp: boolean;
  /** the roles that count now */
  roles: readonly Role[];
}

/**
 * What a session still lacks before it has any power. A user with TOTP must give a code in
 * every session, whatever the roles; a user whose roles require TOTP and who has none must
 * enrol first. Null: the sign-in is complete.
 */
export function pendingStep(factors: SessionFactors): PendingStep | null {
  if (factors.hasTotp) return factors.hasSecondFactor ? null : "secondFactor";
  if (factors.hasSecondFactor) return null;
  return isTotpRequired(factors.roles, factors.requireStaffTotp) ? "totpEnrolment" : null;
}
