-- Open data and oversight (docs/decisions/0041): OCDS releases kept as published, red flags,
-- vendors' saved searches, and the instance's ocid prefix.

-- CreateEnum
CREATE TYPE "OcdsProcessKind" AS ENUM ('TENDER', 'DIRECT_PROCUREMENT', 'NON_TENDER');

-- CreateEnum
CREATE TYPE "RedFlagCode" AS ENUM ('SINGLE_BID', 'SHORT_BID_PERIOD', 'PRICE_NEAR_HPS', 'REPEAT_WINNER', 'LATE_ADDENDUM', 'LATE_DEADLINE_MOVE', 'MANY_FAILED_ADMINISTRATION', 'RETENDER_WON_BY_LOSER', 'COMPENSATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('IMMEDIATE', 'DAILY');

-- AlterTable
ALTER TABLE "LpseInstance" ADD COLUMN     "ocidPrefix" TEXT NOT NULL DEFAULT ('ocds-'::text || substr(md5((random())::text), 1, 6));

-- CreateTable
CREATE TABLE "OcdsRelease" (
    "seq" BIGSERIAL NOT NULL,
    "xid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "ocid" TEXT NOT NULL,
    "releaseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "tags" TEXT[],
    "date" TIMESTAMPTZ(3) NOT NULL,
    "kind" "OcdsProcessKind" NOT NULL,
    "agencyId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "tenderId" UUID,
    "directProcurementId" UUID,
    "nonTenderRecordId" UUID,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OcdsRelease_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "TenderRedFlag" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "code" "RedFlagCode" NOT NULL,
    "agencyId" UUID NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "detail" JSONB NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderRedFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kbli" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "region" TEXT,
    "categories" "ProcurementCategory"[] DEFAULT ARRAY[]::"ProcurementCategory"[],
    "minValue" BIGINT,
    "maxValue" BIGINT,
    "keyword" TEXT,
    "frequency" "AlertFrequency" NOT NULL,
    "matchedUntil" TIMESTAMPTZ(3) NOT NULL,
    "lastDigestAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchMatch" (
    "savedSearchId" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "matchedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "SavedSearchMatch_pkey" PRIMARY KEY ("savedSearchId","tenderId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OcdsRelease_releaseId_key" ON "OcdsRelease"("releaseId");

-- CreateIndex
CREATE INDEX "OcdsRelease_xid_seq_idx" ON "OcdsRelease"("xid", "seq");

-- CreateIndex
CREATE INDEX "OcdsRelease_fiscalYear_ocid_position_idx" ON "OcdsRelease"("fiscalYear", "ocid", "position");

-- CreateIndex
CREATE INDEX "OcdsRelease_tenderId_idx" ON "OcdsRelease"("tenderId");

-- CreateIndex
CREATE UNIQUE INDEX "OcdsRelease_ocid_position_key" ON "OcdsRelease"("ocid", "position");

-- CreateIndex
CREATE INDEX "TenderRedFlag_code_raisedAt_idx" ON "TenderRedFlag"("code", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "TenderRedFlag_agencyId_code_raisedAt_idx" ON "TenderRedFlag"("agencyId", "code", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "TenderRedFlag_fiscalYear_code_raisedAt_idx" ON "TenderRedFlag"("fiscalYear", "code", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "TenderRedFlag_raisedAt_idx" ON "TenderRedFlag"("raisedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TenderRedFlag_tenderId_code_key" ON "TenderRedFlag"("tenderId", "code");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SavedSearch_frequency_matchedUntil_idx" ON "SavedSearch"("frequency", "matchedUntil");

-- CreateIndex
CREATE INDEX "SavedSearchMatch_savedSearchId_sentAt_idx" ON "SavedSearchMatch"("savedSearchId", "sentAt");

-- AddForeignKey
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_directProcurementId_fkey" FOREIGN KEY ("directProcurementId") REFERENCES "DirectProcurement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_nonTenderRecordId_fkey" FOREIGN KEY ("nonTenderRecordId") REFERENCES "NonTenderRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderRedFlag" ADD CONSTRAINT "TenderRedFlag_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderRedFlag" ADD CONSTRAINT "TenderRedFlag_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The shapes PostgreSQL holds for every writer.
ALTER TABLE "LpseInstance" ADD CONSTRAINT "LpseInstance_ocidPrefix_check" CHECK ("ocidPrefix" ~ '^ocds-[a-z0-9]{6}$');
ALTER TABLE "OcdsRelease" ADD CONSTRAINT "OcdsRelease_shape" CHECK (
  "position" >= 1
  AND "releaseId" = "ocid" || '-' || "position"
  AND cardinality("tags") >= 1
  AND jsonb_typeof("data") = 'object'
  AND CASE "kind"
    WHEN 'TENDER' THEN "tenderId" IS NOT NULL AND "directProcurementId" IS NULL AND "nonTenderRecordId" IS NULL
    WHEN 'DIRECT_PROCUREMENT' THEN "directProcurementId" IS NOT NULL AND "tenderId" IS NULL AND "nonTenderRecordId" IS NULL
    ELSE "nonTenderRecordId" IS NOT NULL AND "tenderId" IS NULL AND "directProcurementId" IS NULL
  END);
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_shape" CHECK (
  char_length(btrim("name")) BETWEEN 1 AND 100
  AND array_to_string("kbli", ',') ~ '^([0-9]{5}(,[0-9]{5})*)?$'
  AND cardinality("kbli") <= 20
  AND ("region" IS NULL OR char_length("region") BETWEEN 1 AND 100)
  AND ("keyword" IS NULL OR char_length("keyword") BETWEEN 1 AND 200)
  AND ("minValue" IS NULL OR "minValue" BETWEEN 0 AND 9999999999999999)
  AND ("maxValue" IS NULL OR "maxValue" BETWEEN 0 AND 9999999999999999)
  AND ("minValue" IS NULL OR "maxValue" IS NULL OR "minValue" <= "maxValue"));

-- A release is published once and kept: the application (segel_app, docs/decisions/0013)
-- may add releases and read them, never change or remove one.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON "OcdsRelease" FROM segel_app;
  END IF;
END $$;
