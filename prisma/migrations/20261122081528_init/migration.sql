-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('KEMENTERIAN', 'LEMBAGA', 'PEMDA_PROVINSI', 'PEMDA_KABUPATEN', 'PEMDA_KOTA');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN_LPSE', 'ADMIN_AGENCY', 'PPK', 'POKJA', 'PEJABAT_PENGADAAN', 'VERIFIKATOR', 'AUDITOR', 'PENYEDIA');

-- CreateEnum
CREATE TYPE "VendorStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ProcurementCategory" AS ENUM ('BARANG', 'PEKERJAAN_KONSTRUKSI', 'JASA_KONSULTANSI', 'JASA_LAINNYA');

-- CreateEnum
CREATE TYPE "ProcurementMethod" AS ENUM ('PENGADAAN_LANGSUNG', 'TENDER', 'TENDER_CEPAT', 'SELEKSI', 'PENUNJUKAN_LANGSUNG', 'E_PURCHASING');

-- CreateEnum
CREATE TYPE "PaketStatus" AS ENUM ('DRAFT', 'HANDED_OVER', 'IN_SELECTION', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TenderStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'EVALUATION', 'AWARDED', 'COMPLETED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EvaluationMethod" AS ENUM ('HARGA_TERENDAH', 'SISTEM_NILAI', 'BIAYA_UMUR_EKONOMIS');

-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('PENGUMUMAN', 'DOWNLOAD_DOKUMEN', 'PEMBERIAN_PENJELASAN', 'UPLOAD_PENAWARAN', 'PEMBUKAAN', 'EVALUASI', 'PEMBUKTIAN_KUALIFIKASI', 'PENETAPAN_PEMENANG', 'PENGUMUMAN_PEMENANG', 'MASA_SANGGAH', 'SANGGAH_BANDING', 'PENUNJUKAN_PEMENANG');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('KAK', 'SPESIFIKASI', 'RANCANGAN_KONTRAK', 'DOKUMEN_PEMILIHAN', 'ADENDUM', 'DOKUMEN_PENYEDIA', 'BERITA_ACARA', 'SPPBJ', 'LAINNYA');

-- CreateEnum
CREATE TYPE "BidStatus" AS ENUM ('SUBMITTED', 'REPLACED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BidPart" AS ENUM ('ADMINISTRASI', 'KUALIFIKASI', 'TEKNIS', 'HARGA');

-- CreateEnum
CREATE TYPE "EvaluationStage" AS ENUM ('ADMINISTRASI', 'KUALIFIKASI', 'TEKNIS', 'HARGA', 'PEMBUKTIAN');

-- CreateEnum
CREATE TYPE "SanggahKind" AS ENUM ('SANGGAH', 'SANGGAH_BANDING');

-- CreateTable
CREATE TABLE "LpseInstance" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LpseInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "lpseId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AgencyKind" NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkUnit" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "nip" TEXT,
    "phone" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "isDisabled" BOOLEAN NOT NULL DEFAULT false,
    "vendorId" UUID,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleMembership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "agencyId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pokja" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pokja_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PokjaMember" (
    "pokjaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PokjaMember_pkey" PRIMARY KEY ("pokjaId","userId")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "businessForm" TEXT NOT NULL,
    "npwp" TEXT NOT NULL,
    "nib" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "kbli" TEXT[],
    "status" "VendorStatus" NOT NULL DEFAULT 'PENDING',
    "verifiedAt" TIMESTAMPTZ(3),
    "verifiedById" UUID,
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paket" (
    "id" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "workUnitId" UUID NOT NULL,
    "rupCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ProcurementCategory" NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "fundingSource" TEXT NOT NULL,
    "pagu" BIGINT NOT NULL,
    "hps" BIGINT,
    "method" "ProcurementMethod",
    "location" TEXT NOT NULL,
    "status" "PaketStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Paket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HpsItem" (
    "id" UUID NOT NULL,
    "paketId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" BIGINT NOT NULL,

    CONSTRAINT "HpsItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tender" (
    "id" UUID NOT NULL,
    "paketId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "method" "ProcurementMethod" NOT NULL,
    "status" "TenderStatus" NOT NULL DEFAULT 'DRAFT',
    "evaluationMethod" "EvaluationMethod",
    "pokjaId" UUID,
    "openingPublicKey" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderStage" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "kind" "StageKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "paketId" UUID,
    "tenderId" UUID,
    "vendorId" UUID,
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "status" "BidStatus" NOT NULL DEFAULT 'SUBMITTED',
    "idempotencyKey" TEXT NOT NULL,
    "sealedPrice" BYTEA NOT NULL,
    "priceCommitment" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "receiptSignature" TEXT NOT NULL,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidFile" (
    "id" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "part" "BidPart" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "wrappedKey" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,

    CONSTRAINT "BidFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "stage" "EvaluationStage" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "score" DECIMAL(7,3),
    "correctedPrice" BIGINT,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "askedById" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "askedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "answeredById" UUID NOT NULL,
    "answeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sanggah" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "bidId" UUID,
    "kind" "SanggahKind" NOT NULL,
    "body" TEXT NOT NULL,
    "bondAmount" BIGINT,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "answer" TEXT,
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Sanggah_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "LpseInstance_code_key" ON "LpseInstance"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_code_key" ON "Agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "WorkUnit_code_key" ON "WorkUnit"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_vendorId_idx" ON "User"("vendorId");

-- CreateIndex
CREATE INDEX "RoleMembership_agencyId_role_idx" ON "RoleMembership"("agencyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "RoleMembership_userId_role_agencyId_key" ON "RoleMembership"("userId", "role", "agencyId");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_npwp_key" ON "Vendor"("npwp");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_nib_key" ON "Vendor"("nib");

-- CreateIndex
CREATE INDEX "Paket_fiscalYear_category_idx" ON "Paket"("fiscalYear", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Paket_agencyId_rupCode_key" ON "Paket"("agencyId", "rupCode");

-- CreateIndex
CREATE UNIQUE INDEX "HpsItem_paketId_position_key" ON "HpsItem"("paketId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Tender_code_key" ON "Tender"("code");

-- CreateIndex
CREATE INDEX "Tender_status_idx" ON "Tender"("status");

-- CreateIndex
CREATE INDEX "TenderStage_startsAt_idx" ON "TenderStage"("startsAt");

-- CreateIndex
CREATE INDEX "TenderStage_endsAt_idx" ON "TenderStage"("endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "TenderStage_tenderId_position_key" ON "TenderStage"("tenderId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_tenderId_idx" ON "Document"("tenderId");

-- CreateIndex
CREATE INDEX "Document_paketId_idx" ON "Document"("paketId");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_idempotencyKey_key" ON "Bid"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Bid_tenderId_vendorId_idx" ON "Bid"("tenderId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "BidFile_storageKey_key" ON "BidFile"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_bidId_stage_key" ON "Evaluation"("bidId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_questionId_key" ON "Answer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_lpseId_fkey" FOREIGN KEY ("lpseId") REFERENCES "LpseInstance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkUnit" ADD CONSTRAINT "WorkUnit_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pokja" ADD CONSTRAINT "Pokja_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PokjaMember" ADD CONSTRAINT "PokjaMember_pokjaId_fkey" FOREIGN KEY ("pokjaId") REFERENCES "Pokja"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PokjaMember" ADD CONSTRAINT "PokjaMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_workUnitId_fkey" FOREIGN KEY ("workUnitId") REFERENCES "WorkUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HpsItem" ADD CONSTRAINT "HpsItem_paketId_fkey" FOREIGN KEY ("paketId") REFERENCES "Paket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_paketId_fkey" FOREIGN KEY ("paketId") REFERENCES "Paket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_pokjaId_fkey" FOREIGN KEY ("pokjaId") REFERENCES "Pokja"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderStage" ADD CONSTRAINT "TenderStage_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_paketId_fkey" FOREIGN KEY ("paketId") REFERENCES "Paket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE SET NULL ON UPDATE CASCADE;
