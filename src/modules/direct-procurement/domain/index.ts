// The domain's own union of a direct procurement's status (held to Prisma's enum in src/server/domain-enums.ts).
export { DIRECT_PROCUREMENT_STATUSES } from "./direct-procurement-rules";
