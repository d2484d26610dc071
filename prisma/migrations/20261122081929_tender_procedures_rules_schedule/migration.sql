/*
  Warnings:

  - Added the required column `procedureId` to the `Tender` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "DirectProcurementStatus" AS ENUM ('INVITED', 'QUOTED', 'NEGOTIATED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NonTenderKind" AS ENUM ('PENGADAAN_LANGSUNG', 'PENUNJUKAN_LANGSUNG', 'DARURAT', 'SWAKELOLA', 'E_PURCHASING', 'DILAKSANAKAN_LUAR_SISTEM');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StageKind" ADD VALUE 'PRAKUALIFIKASI';
ALTER TYPE "StageKind" ADD VALUE 'PENGUMUMAN_HASIL_PRAKUALIFIKASI';
ALTER TYPE "StageKind" ADD VALUE 'SANGGAH_PRAKUALIFIKASI';
ALTER TYPE "StageKind" ADD VALUE 'UNDANGAN';
ALTER TYPE "StageKind" ADD VALUE 'PEMBUKAAN_HARGA';
ALTER TYPE "StageKind" ADD VALUE 'EVALUASI_HARGA';
ALTER TYPE "StageKind" ADD VALUE 'KLARIFIKASI_NEGOSIASI';
ALTER TYPE "StageKind" ADD VALUE 'PENANDATANGANAN_KONTRAK';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "nonTenderRecordId" UUID;

-- AlterTable
ALTER TABLE "Paket" ADD COLUMN     "handedOverAt" TIMESTAMPTZ(3),
ADD COLUMN     "methodRuleId" UUID,
ADD COLUMN     "pejabatPengadaanId" UUID;

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "bidSecurityAmount" BIGINT,
ADD COLUMN     "currentStage" "StageKind",
ADD COLUMN     "nextCheckAt" TIMESTAMPTZ(3),
ADD COLUMN     "priceWeight" INTEGER,
ADD COLUMN     "procedureId" UUID NOT NULL,
ADD COLUMN     "qualification" TEXT,
ADD COLUMN     "technicalWeight" INTEGER;

-- CreateTable
CREATE TABLE "ScheduleChange" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "oldStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "oldEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "newStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "newEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ScheduleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MethodRule" (
    "id" UUID NOT NULL,
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "category" "ProcurementCategory" NOT NULL,
    "method" "ProcurementMethod" NOT NULL,
    "limit" BIGINT NOT NULL,
    "methodAbove" "ProcurementMethod" NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MethodRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureConfig" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "method" "ProcurementMethod" NOT NULL,
    "stages" JSONB NOT NULL,
    "hasPrakualifikasi" BOOLEAN NOT NULL DEFAULT false,
    "hasSanggahBanding" BOOLEAN NOT NULL DEFAULT false,
    "twoFiles" BOOLEAN NOT NULL DEFAULT false,
    "minBids" INTEGER NOT NULL DEFAULT 1,
    "maxDeadlineExtensions" INTEGER NOT NULL DEFAULT 1,
    "sanggahDays" INTEGER NOT NULL DEFAULT 5,
    "sanggahAnswerDays" INTEGER NOT NULL DEFAULT 3,
    "bandingDays" INTEGER NOT NULL DEFAULT 5,
    "bandingAnswerDays" INTEGER NOT NULL DEFAULT 14,

    CONSTRAINT "ProcedureConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectProcurement" (
    "id" UUID NOT NULL,
    "paketId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "status" "DirectProcurementStatus" NOT NULL DEFAULT 'INVITED',
    "invitedAt" TIMESTAMPTZ(3) NOT NULL,
    "quotedPrice" BIGINT,
    "quotedAt" TIMESTAMPTZ(3),
    "negotiatedPrice" BIGINT,
    "negotiationNote" TEXT,
    "contractValue" BIGINT,
    "contractNumber" TEXT,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DirectProcurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NonTenderRecord" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "workUnitId" UUID NOT NULL,
    "rupCode" TEXT,
    "name" TEXT NOT NULL,
    "category" "ProcurementCategory" NOT NULL,
    "kind" "NonTenderKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "realizedOn" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NonTenderRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScheduleChange_tenderId_changedAt_idx" ON "ScheduleChange"("tenderId", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MethodRule_category_effectiveFrom_key" ON "MethodRule"("category", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "ProcedureConfig_key_key" ON "ProcedureConfig"("key");

-- CreateIndex
CREATE UNIQUE INDEX "DirectProcurement_paketId_key" ON "DirectProcurement"("paketId");

-- CreateIndex
CREATE INDEX "NonTenderRecord_agencyId_realizedOn_idx" ON "NonTenderRecord"("agencyId", "realizedOn");

-- CreateIndex
CREATE INDEX "Tender_nextCheckAt_idx" ON "Tender"("nextCheckAt");

-- AddForeignKey
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_methodRuleId_fkey" FOREIGN KEY ("methodRuleId") REFERENCES "MethodRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_pejabatPengadaanId_fkey" FOREIGN KEY ("pejabatPengadaanId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_procedureId_fkey" FOREIGN KEY ("procedureId") REFERENCES "ProcedureConfig"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_nonTenderRecordId_fkey" FOREIGN KEY ("nonTenderRecordId") REFERENCES "NonTenderRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "TenderStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectProcurement" ADD CONSTRAINT "DirectProcurement_paketId_fkey" FOREIGN KEY ("paketId") REFERENCES "Paket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectProcurement" ADD CONSTRAINT "DirectProcurement_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NonTenderRecord" ADD CONSTRAINT "NonTenderRecord_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
