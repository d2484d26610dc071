-- Filters of the audit trail and the access log (issue 11, item 8; docs/decisions/0038).
-- Every filter lists newest first (seq DESC) and stops after a page, so each index ends in
-- seq: the page is read down the index instead of sorting every match. Measured with
-- bench/audit-filters.ts on a million events.

-- An entity's events, newest first: the access log (a user's sign-ins, thousands of failed
-- tries included) and the entity filter. Replaces the index on (entityType, entityId),
-- which this one serves as a prefix.
CREATE INDEX "AuditEvent_entityType_entityId_seq_idx" ON "AuditEvent"("entityType", "entityId", "seq");
DROP INDEX IF EXISTS "AuditEvent_entityType_entityId_idx";

-- Who did it.
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

-- What was done (an exact action, or every action of an area by prefix).
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

-- Everything about one tender: its own events, and those of its bids, files, questions,
-- sanggah and penunjukan, which name the tender in their data (tenderId; the opened-file
-- reads name tenderCode). Partial: most events name no tender.
CREATE INDEX "AuditEvent_data_tenderId_seq_idx" ON "AuditEvent"((data ->> 'tenderId'), "seq")
  WHERE (data ->> 'tenderId') IS NOT NULL;
CREATE INDEX "AuditEvent_data_tenderCode_seq_idx" ON "AuditEvent"((data ->> 'tenderCode'), "seq")
  WHERE (data ->> 'tenderCode') IS NOT NULL;
