import "server-only";

// The one writer of the tender's lifecycle columns (docs/decisions/0021).
export { applyTenderEvent } from "./server/apply-tender-event";
// A tender's stages: loading them and moving them later (addenda, the bid deadline rule, the award).
export { loadStages } from "./server/tender-stages";
export { applyStageMoves, describeMove, rescheduleNextCheck } from "./server/apply-stage-moves";
export { stagesAt, summarizeStages } from "./server/stage-summary";
// The Pokja's access to a tender, checked and locked by every Pokja use case.
export { assertPokjaAccess, lockPokjaTender } from "./server/load-pokja-tender";
// Tender Cepat's qualification read from the vendor's verified profile.
export { assertQualifiedForTenderCepat, findUnmetRequirements } from "./server/tender-requirements";
// The public list, for the vendor's dashboard and the announcement's pager.
export { findPublicTenders } from "./server/find-public-tenders";
export type { PublicTender } from "./server/find-public-tenders";
export { LISTABLE_TENDERS, LISTED_TENDER } from "./server/public-tender-sql";
