import "server-only";

// Every use case records its audit event in its own transaction.
export { recordAuditEvent } from "./server/record-audit-event";
// The auditor's dashboard lists the latest events.
export { findAuditEvents } from "./server/find-audit-events";
// The restore drill checks a restored cluster's audit chain against the signed heads.
export { verifyAuditLog } from "./server/verify-audit-log";
export type { AuditLogReport, VerifyAuditOptions } from "./server/verify-audit-log";
