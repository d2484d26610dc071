/** The red flags (Prisma's RedFlagCode); flags.ts defines each with its sources. */
export const RED_FLAG_CODES = [
  "SINGLE_BID",
  "SHORT_BID_PERIOD",
  "PRICE_NEAR_HPS",
  "REPEAT_WINNER",
  "LATE_ADDENDUM",
  "LATE_DEADLINE_MOVE",
  "MANY_FAILED_ADMINISTRATION",
  "RETENDER_WON_BY_LOSER",
  "COMPENSATED",
  "CANCELLED",
] as const;
export type RedFlagCode = (typeof RED_FLAG_CODES)[number];
