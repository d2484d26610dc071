import "server-only";

// Other modules notify users in their own transaction; the mail goes after the commit.
export { findParticipantUserIds, notify, notifyEach, notifyTenderParticipants } from "./server/notify";
// The shell shows the number of unread notifications.
export { countUnread } from "./server/count-unread";
// Account mail (invitations, reset links) goes to people without an inbox yet: e-mail only.
export { queueEmail } from "./server/queue-email";
