import "server-only";

// next-auth's wiring in src/server/auth: the credentials check, the session row, sign-out.
export { signInSchema } from "./auth.schemas";
export { encodeSignInFailure, SIGN_IN_MESSAGE_KEYS } from "./sign-in-error";
export type { SignInMessageKey } from "./sign-in-error";
export { signIn } from "./server/sign-in";
// The central sign-in (OpenID Connect): a linked identity opens a session like a password (decision 0035).
export { signInWithIdentity } from "./server/sign-in-with-identity";
export { revokeSession } from "./server/sign-out";
export { loadSessionActor } from "./server/load-session-actor";
export type { RequestContext } from "./server/load-session-actor";
// A vendor's users sign in with passwords hashed as every user's are.
export { hashPassword } from "./server/password";
// Which RoleMembership rows count: every module that reads roles filters with it (decision 0032).
export { activeMembershipWhere } from "./server/active-membership";
export { assertAnotherLpseAdmin } from "./server/lpse-admins";
// Accounts (decision 0033): invitations, one-use links, password changes and resets.
export { createInvitedUser, resendInvitation } from "./server/invite-user";
export {
  accountTokenLink,
  consumeAccountToken,
  findAccountTokenUser,
  issueAccountToken,
  voidAccountTokens,
} from "./server/account-tokens";
export { revokeAllSessions } from "./server/revoke-all-sessions";
export type { SessionsRevokedReason } from "./server/revoke-all-sessions";
export { assertNewPassword, hashNewPassword } from "./server/new-password";
export { passwordProblem } from "./domain/password-policy";
export type { PasswordProblem } from "./domain/password-policy";
export { acceptInvitation, findInvitation } from "./server/accept-invitation";
export { changePassword } from "./server/change-password";
export { findPasswordReset, requestPasswordReset, resetPassword } from "./server/password-reset";
