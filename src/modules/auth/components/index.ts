// The organisation screens offer a new invitation to someone who has not set a password yet.
export { ResendInvitationButton } from "./resend-invitation-button";
