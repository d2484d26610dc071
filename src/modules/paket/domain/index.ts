// The domain's own unions of the paket's category and method (held to Prisma's in src/server/domain-enums.ts).
export { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from "./procurement-types";
export type { ProcurementCategory, ProcurementMethod } from "./procurement-types";
// The hand-over checks the HPS against the pagu once more.
export { isHpsWithinPagu } from "./hps";
