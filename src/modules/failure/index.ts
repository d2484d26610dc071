import "server-only";

// The worker applies the bid-deadline rule (too few bids: extend once, then fail).
export { applyBidDeadlineRule } from "./server/apply-bid-deadline";
// The shared input check of the failure, sanggah, penunjukan, SPPBJ and cancellation use cases.
export { parseInput, TENDER_REF_SELECT, tenderRef } from "./server/parse-input";
// A sanggah banding is sent to the KPAs of the agency, as a penunjukan request is.
export { kpaUserIds } from "./server/request-penunjukan-langsung";
