import "server-only";

// What a change of a tender publishes (docs/decisions/0041): called by the lifecycle's one writer and the addendum.
export { tenderChanged } from "./server/tender-changed";
// The releases of a pengadaan langsung and a non-tender record, called in their use cases' transactions.
export { recordDirectProcurementRelease, recordNonTenderRelease } from "./server/record-other-releases";
