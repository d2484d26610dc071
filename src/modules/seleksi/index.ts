import "server-only";

// The seleksi gate: only the shortlist of the round in force registers, asks and bids.
export { assertMayBid } from "./server/assert-may-bid";
