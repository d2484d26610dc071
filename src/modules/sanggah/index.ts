import "server-only";

// What the failure, the SPPBJ, the evaluation's reopening and a new announcement ask of the sanggah rounds.
export { countUnansweredObjections, hasAcceptedObjection } from "./server/find-accepted-objection";
export { lockSanggahContext, vendorUserIds } from "./server/sanggah-context";
export { findLastWithdrawal } from "./server/withdraw-award";
export { findWithdrawnResult } from "./server/find-award-withdrawals";
// Who may upload and read a sanggah's documents, for the documents module.
export { authorizeSanggahDocument } from "./server/sanggah-document-target";
