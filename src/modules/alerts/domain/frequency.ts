/** How often a saved search tells its vendor (Prisma's AlertFrequency). */
export const ALERT_FREQUENCIES = ["IMMEDIATE", "DAILY"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
