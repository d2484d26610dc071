-- When the portal goes down anyway (issue 13, docs/decisions/0040): the availability ledger
-- (heartbeats, outages, declared incidents, maintenance windows), the time given back to
-- tenders for it (compensations and the Pokja's additions), and a tender's move to another
-- LPSE (the source's pointer, the receiver's record, the source's key and audit events).

-- CreateEnum
CREATE TYPE "ProcessRole" AS ENUM ('WEB', 'WORKER');

-- CreateEnum
CREATE TYPE "OutageCause" AS ENUM ('UNKNOWN', 'MAINTENANCE', 'DECLARED');

-- CreateEnum
CREATE TYPE "OutageScope" AS ENUM ('INSTANCE', 'UPLOADS', 'SIGN_IN');

-- AlterTable
ALTER TABLE "ProcedureConfig" ADD COLUMN     "compensationMinBasis" TEXT NOT NULL DEFAULT 'konfigurasi, bukan ketentuan hukum',
ADD COLUMN     "compensationMinHours" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "transferredAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ProcessHeartbeat" (
    "id" TEXT NOT NULL,
    "role" "ProcessRole" NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProcessHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityBeat" (
    "role" "ProcessRole" NOT NULL,
    "lastBeatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AvailabilityBeat_pkey" PRIMARY KEY ("role")
);

-- CreateTable
CREATE TABLE "Outage" (
    "id" UUID NOT NULL,
    "cause" "OutageCause" NOT NULL,
    "scope" "OutageScope" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "role" "ProcessRole",
    "description" TEXT,
    "declaredById" UUID,
    "maintenanceId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "compensatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Outage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Compensation" (
    "id" UUID NOT NULL,
    "outageId" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "stageKind" "StageKind" NOT NULL,
    "lostSeconds" INTEGER NOT NULL,
    "extensionSeconds" INTEGER NOT NULL,
    "oldEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "newEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Compensation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompensationAddition" (
    "id" UUID NOT NULL,
    "compensationId" UUID NOT NULL,
    "addedById" UUID NOT NULL,
    "seconds" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "oldEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "newEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CompensationAddition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "notifiedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MaintenanceWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderTransfer" (
    "tenderId" UUID NOT NULL,
    "destinationUrl" TEXT NOT NULL,
    "destinationName" TEXT NOT NULL,
    "manifestSha256" TEXT NOT NULL,
    "transferredById" UUID NOT NULL,
    "transferredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderTransfer_pkey" PRIMARY KEY ("tenderId")
);

-- CreateTable
CREATE TABLE "TrustedInstanceKey" (
    "fingerprint" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "lpseName" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TrustedInstanceKey_pkey" PRIMARY KEY ("fingerprint")
);

-- CreateTable
CREATE TABLE "ImportedTender" (
    "tenderId" UUID NOT NULL,
    "sourceKeyFingerprint" TEXT NOT NULL,
    "sourceLpseName" TEXT NOT NULL,
    "sourceTenderId" UUID NOT NULL,
    "sourceUrl" TEXT,
    "manifestSha256" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "importedById" UUID NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportedTender_pkey" PRIMARY KEY ("tenderId")
);

-- CreateTable
CREATE TABLE "ImportedAuditEvent" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "sourceSeq" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "actorLabel" TEXT,
    "data" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportedAuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProcessHeartbeat_role_beatAt_idx" ON "ProcessHeartbeat"("role", "beatAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outage_maintenanceId_key" ON "Outage"("maintenanceId");

-- CreateIndex
CREATE INDEX "Outage_startsAt_idx" ON "Outage"("startsAt");

-- CreateIndex
CREATE INDEX "Outage_compensatedAt_endsAt_idx" ON "Outage"("compensatedAt", "endsAt");

-- CreateIndex
CREATE INDEX "Compensation_tenderId_createdAt_idx" ON "Compensation"("tenderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Compensation_outageId_stageId_key" ON "Compensation"("outageId", "stageId");

-- CreateIndex
CREATE INDEX "CompensationAddition_compensationId_idx" ON "CompensationAddition"("compensationId");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_endsAt_idx" ON "MaintenanceWindow"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedTender_manifestSha256_key" ON "ImportedTender"("manifestSha256");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedAuditEvent_tenderId_sourceSeq_key" ON "ImportedAuditEvent"("tenderId", "sourceSeq");

-- AddForeignKey
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_maintenanceId_fkey" FOREIGN KEY ("maintenanceId") REFERENCES "MaintenanceWindow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compensation" ADD CONSTRAINT "Compensation_outageId_fkey" FOREIGN KEY ("outageId") REFERENCES "Outage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compensation" ADD CONSTRAINT "Compensation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Compensation" ADD CONSTRAINT "Compensation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "TenderStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationAddition" ADD CONSTRAINT "CompensationAddition_compensationId_fkey" FOREIGN KEY ("compensationId") REFERENCES "Compensation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompensationAddition" ADD CONSTRAINT "CompensationAddition_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderTransfer" ADD CONSTRAINT "TenderTransfer_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderTransfer" ADD CONSTRAINT "TenderTransfer_transferredById_fkey" FOREIGN KEY ("transferredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedTender" ADD CONSTRAINT "ImportedTender_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedTender" ADD CONSTRAINT "ImportedTender_sourceKeyFingerprint_fkey" FOREIGN KEY ("sourceKeyFingerprint") REFERENCES "TrustedInstanceKey"("fingerprint") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedTender" ADD CONSTRAINT "ImportedTender_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedAuditEvent" ADD CONSTRAINT "ImportedAuditEvent_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------- invariants

ALTER TABLE "Tender" ADD CONSTRAINT "Tender_transferred_stamp" CHECK (
  ("status" = 'TRANSFERRED') = ("transferredAt" IS NOT NULL));
ALTER TABLE "Tender" DROP CONSTRAINT "Tender_next_check_stamp";
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_next_check_stamp" CHECK (
  "status" NOT IN ('DRAFT', 'COMPLETED', 'FAILED', 'CANCELLED', 'TRANSFERRED') OR "nextCheckAt" IS NULL);

ALTER TABLE "ProcedureConfig" ADD CONSTRAINT "ProcedureConfig_compensationMinHours_check" CHECK (
  "compensationMinHours" BETWEEN 0 AND 720 AND length(btrim("compensationMinBasis")) > 0);

ALTER TABLE "Outage" ADD CONSTRAINT "Outage_period_check" CHECK ("endsAt" IS NULL OR "endsAt" > "startsAt");
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_cause_check" CHECK (
  CASE "cause"
    WHEN 'UNKNOWN' THEN "role" IS NOT NULL AND "endsAt" IS NOT NULL AND "declaredById" IS NULL AND "maintenanceId" IS NULL
    WHEN 'DECLARED' THEN "role" IS NULL AND "declaredById" IS NOT NULL AND "maintenanceId" IS NULL
    WHEN 'MAINTENANCE' THEN "role" IS NULL AND "maintenanceId" IS NOT NULL AND "endsAt" IS NOT NULL AND "scope" = 'INSTANCE'
  END);
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_description_check" CHECK (
  "cause" = 'UNKNOWN' OR length(btrim(coalesce("description", ''))) > 0);
ALTER TABLE "Outage" ADD CONSTRAINT "Outage_compensated_check" CHECK ("compensatedAt" IS NULL OR "endsAt" IS NOT NULL);

ALTER TABLE "Compensation" ADD CONSTRAINT "Compensation_amount_check" CHECK (
  "lostSeconds" > 0 AND "extensionSeconds" >= "lostSeconds" AND "newEndsAt" > "oldEndsAt");
ALTER TABLE "CompensationAddition" ADD CONSTRAINT "CompensationAddition_amount_check" CHECK (
  "seconds" > 0 AND "newEndsAt" > "oldEndsAt" AND length(btrim("reason")) > 0);

ALTER TABLE "MaintenanceWindow" ADD CONSTRAINT "MaintenanceWindow_period_check" CHECK (
  "endsAt" > "startsAt"
  AND ("endedAt" IS NULL OR ("endedAt" >= "startsAt" AND "endedAt" <= "endsAt"))
  AND NOT ("cancelledAt" IS NOT NULL AND "endedAt" IS NOT NULL)
  AND length(btrim("description")) > 0);

ALTER TABLE "TenderTransfer" ADD CONSTRAINT "TenderTransfer_check" CHECK (
  "destinationUrl" ~ '^https?://' AND length(btrim("destinationName")) > 0 AND "manifestSha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "TrustedInstanceKey" ADD CONSTRAINT "TrustedInstanceKey_fingerprint_check" CHECK ("fingerprint" ~ '^sha256:[0-9a-f]{64}$');
ALTER TABLE "ImportedTender" ADD CONSTRAINT "ImportedTender_manifest_check" CHECK ("manifestSha256" ~ '^[0-9a-f]{64}$');

-- The ledger, the compensations and the transfers are history: the application
-- (segel_app, docs/decisions/0013) writes them and may update a row as it goes, but never
-- deletes one; the imported audit events are only appended. Heartbeats are working rows.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    REVOKE DELETE, TRUNCATE ON "Outage", "Compensation", "CompensationAddition", "MaintenanceWindow",
      "TenderTransfer", "ImportedTender", "TrustedInstanceKey" FROM segel_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON "ImportedAuditEvent" FROM segel_app;
  END IF;
END $$;
