-- The audit trail becomes a transparency log (docs/decisions/0008-audit-transparency-log.md).
-- Events carry a MAC keyed from the instance key (outside the database) instead of a hash
-- chain, so writers no longer queue on one lock; a sequencer appends them to a Merkle tree
-- after commit and signs its heads.

-- Events recorded under the hash chain (decision 0004) have no MAC, and none can be made
-- here (the key is not in the database). They are kept as they were, with their prevHash
-- and hash, in "AuditLegacyEvent", where 0004's rule still checks them and the
-- application may only read them; the transparency log starts empty after them.
CREATE TABLE "AuditLegacyEvent" (LIKE "AuditEvent");
ALTER TABLE "AuditLegacyEvent" ADD CONSTRAINT "AuditLegacyEvent_pkey" PRIMARY KEY ("seq");
INSERT INTO "AuditLegacyEvent" SELECT * FROM "AuditEvent";
DELETE FROM "AuditEvent";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "AuditLegacyEvent" FROM segel_app;
GRANT SELECT ON "AuditLegacyEvent" TO segel_app;

DROP INDEX "AuditEvent_hash_key";
ALTER TABLE "AuditEvent" DROP COLUMN "prevHash", DROP COLUMN "hash",
  ADD COLUMN "mac" BYTEA NOT NULL;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_mac_length" CHECK (octet_length("mac") = 32);

CREATE TABLE "AuditLogEntry" (
    "logIndex" BIGINT NOT NULL,
    "eventSeq" BIGINT NOT NULL,
    "leafHash" BYTEA NOT NULL,

    CONSTRAINT "AuditLogEntry_pkey" PRIMARY KEY ("logIndex"),
    CONSTRAINT "AuditLogEntry_logIndex_check" CHECK ("logIndex" >= 0),
    CONSTRAINT "AuditLogEntry_leafHash_length" CHECK (octet_length("leafHash") = 32)
);
CREATE UNIQUE INDEX "AuditLogEntry_eventSeq_key" ON "AuditLogEntry"("eventSeq");
ALTER TABLE "AuditLogEntry" ADD CONSTRAINT "AuditLogEntry_eventSeq_fkey" FOREIGN KEY ("eventSeq") REFERENCES "AuditEvent"("seq") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AuditMerkleNode" (
    "level" INTEGER NOT NULL,
    "idx" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "AuditMerkleNode_pkey" PRIMARY KEY ("level","idx"),
    CONSTRAINT "AuditMerkleNode_position_check" CHECK ("level" BETWEEN 1 AND 62 AND "idx" >= 0),
    CONSTRAINT "AuditMerkleNode_hash_length" CHECK (octet_length("hash") = 32)
);

CREATE TABLE "AuditTreeHead" (
    "id" BIGSERIAL NOT NULL,
    "treeSize" BIGINT NOT NULL,
    "rootHash" BYTEA NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "signature" BYTEA NOT NULL,

    CONSTRAINT "AuditTreeHead_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AuditTreeHead_treeSize_check" CHECK ("treeSize" >= 0),
    CONSTRAINT "AuditTreeHead_rootHash_length" CHECK (octet_length("rootHash") = 32),
    CONSTRAINT "AuditTreeHead_signature_length" CHECK (octet_length("signature") = 64)
);
CREATE INDEX "AuditTreeHead_treeSize_idx" ON "AuditTreeHead"("treeSize");

-- Append-only for the application (issue 8): the app role may add to the log, never change it.
GRANT SELECT, INSERT ON "AuditLogEntry", "AuditMerkleNode", "AuditTreeHead" TO segel_app;
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditLogEntry", "AuditMerkleNode", "AuditTreeHead" FROM segel_app;
GRANT USAGE, SELECT ON SEQUENCE "AuditTreeHead_id_seq" TO segel_app;
