// The domain's own union of the PA/KPA's decision on a penunjukan langsung (held to Prisma's enum in src/server/domain-enums.ts).
export { PENUNJUKAN_DECISIONS } from "./failure-rules";
// A cancellation's reason has the same length bounds as a failure's.
export { REASON_MAX, REASON_MIN } from "./failure-rules";
