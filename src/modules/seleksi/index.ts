import "server-only";

// The seleksi gate: only the shortlist of the round in force registers, asks and bids.
export { assertMayBid } from "./server/assert-may-bid";
// The schedule worker invites the shortlist when the UNDANGAN stage comes.
export { inviteShortlist } from "./server/invite-shortlist";
