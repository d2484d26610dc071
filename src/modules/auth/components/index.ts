// The shell's account menu signs out with it (a client component: keep this surface client-safe).
export { SignOutButton } from "./sign-out-button";
// The organisation screens offer a new invitation to someone who has not set a password yet.
export { ResendInvitationButton } from "./resend-invitation-button";
