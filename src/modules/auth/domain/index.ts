// The domain's own union of the roles (held to Prisma's enum in src/server/domain-enums.ts).
export { ROLES } from "./permissions";
export type { Role } from "./permissions";
// The permission map every use case asks, and the session length next-auth's JWT shares.
export { agenciesFor, can, hasRole } from "./permissions";
export type { Actor, Permission } from "./permissions";
export { SESSION_MAX_AGE_SECONDS } from "./sign-in-policy";
// Which sessions still lack a second factor, and which roles must have one (decision 0034).
export { isTotpRequired, pendingStep, ROLES_REQUIRING_TOTP } from "./second-factor";
export type { PendingStep } from "./second-factor";
// The password policy's lengths (forms), the account links' kinds and lifetimes (decision 0033).
export { PASSWORD_POLICY, passwordLength } from "./password-rules";
export { ACCOUNT_TOKEN_KINDS, ACCOUNT_TOKEN_LIFETIME_SECONDS } from "./account-token-policy";
export type { AccountTokenKind } from "./account-token-policy";
