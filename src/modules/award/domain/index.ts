// The domain's own union of a Pokja member's decision on a winner proposal (held to Prisma's enum in src/server/domain-enums.ts).
export { WINNER_APPROVAL_DECISIONS } from "./winner-approval";
// The public result table shows a winner's NPWP masked, as the announcement does.
export { maskNpwp } from "./mask-npwp";
