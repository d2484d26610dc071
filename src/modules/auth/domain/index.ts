// The permission map every use case asks, and the session length next-auth's JWT shares.
export { agenciesFor, can, hasRole } from "./permissions";
export type { Actor, Permission } from "./permissions";
export { SESSION_MAX_AGE_SECONDS } from "./sign-in-policy";
