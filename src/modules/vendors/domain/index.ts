// The domain's own union of a vendor's verification status (held to Prisma's enum in src/server/domain-enums.ts).
export { VENDOR_STATUSES } from "./verification";
// A tender's KBLI requirement is parsed as a vendor's KBLI list is; the SPPBJ prints the NPWP.
export { parseKbliList } from "./business-ids";
export { formatNpwp } from "./npwp";
// The daftar hitam validates an entry's NPWP by the same rule and finds a company by either form.
export { normalizeNpwp, npwpEquivalents, npwpProblem } from "./npwp";
