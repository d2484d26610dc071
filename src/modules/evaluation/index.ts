import "server-only";

// The award and the penunjukan work on the evaluated bids of a tender the Pokja has locked.
export { lockEvaluatingTender, loadEvaluatedBids, EVALUATED_BIDS } from "./server/evaluation-context";
export type { BidForEvaluation, EvaluatingTender } from "./server/evaluation-context";
export { applyRanking } from "./server/apply-ranking";
// The result table of the award's public page and of a vendor's own results.
export { RESULT_BID, roleOf, toResult } from "./server/result-summary";
// The opening evaluates a Tender Cepat at once.
export { evaluateTenderCepat } from "./server/evaluate-tender-cepat";
// Seleksi: the award proposes the bidder whose negotiation agreed, at the agreed price.
export { negotiationResult } from "./server/negotiation-standing";
// Seleksi: a bid's pembuktian is its firm's prakualifikasi (domain/pembuktian.ts).
export { prequalifiedVendorIds } from "./server/prequalified-vendors";
