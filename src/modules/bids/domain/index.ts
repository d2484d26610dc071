// The instant until which bids that arrived in time may still be recorded (docs/decisions/0020):
// the lifecycle and the deadline rule wait for it, as the opening does.
export { bidsSettledAt } from "./bid-rules";
// The domain's own unions of the bid's enums, held to Prisma's in src/server/domain-enums.ts.
export { BID_PARTS } from "./bid-part";
export type { BidPart } from "./bid-part";
export { BID_DEFECT_CODES } from "./bid-defects";
export type { BidDefectCode } from "./bid-defects";
// The instance key's fingerprint is the one receipts carry (src/server/instance-key.ts).
export { keyFingerprint } from "./verify-receipt";
// The restore drill checks every stored receipt's signature (docs/decisions/0039).
export { verifyReceipt } from "./verify-receipt";
