// The auditor's dashboard shows the latest audit events.
export { AuditEventTable } from "./audit-event-table";
