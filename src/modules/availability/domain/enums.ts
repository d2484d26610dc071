/**
 * The availability ledger's kinds (docs/decisions/0040). Domain code's own unions (no
 * Prisma here); src/server/domain-enums.ts checks each is exactly Prisma's enum.
 */
export const PROCESS_ROLES = ["WEB", "WORKER"] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** UNKNOWN: a heartbeat gap; MAINTENANCE: an announced window; DECLARED: by ADMIN_LPSE */
export const OUTAGE_CAUSES = ["UNKNOWN", "MAINTENANCE", "DECLARED"] as const;
export type OutageCause = (typeof OUTAGE_CAUSES)[number];

/** INSTANCE: nothing could be done; UPLOADS: file uploads failed; SIGN_IN: signing in failed */
export const OUTAGE_SCOPES = ["INSTANCE", "UPLOADS", "SIGN_IN"] as const;
export type OutageScope = (typeof OUTAGE_SCOPES)[number];
