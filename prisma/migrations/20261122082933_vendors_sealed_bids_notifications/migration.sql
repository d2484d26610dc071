/*
  Warnings:

  - Added the required column `receipt` to the `Bid` table without a default value. This is not possible if the table is not empty.
  - Added the required column `submittedById` to the `Bid` table without a default value. This is not possible if the table is not empty.
  - Added the required column `ciphertextSha256` to the `BidFile` table without a default value. This is not possible if the table is not empty.
  - Added the required column `tenderId` to the `BidFile` table without a default value. This is not possible if the table is not empty.
  - Added the required column `uploadedAt` to the `BidFile` table without a default value. This is not possible if the table is not empty.
  - Added the required column `uploadedById` to the `BidFile` table without a default value. This is not possible if the table is not empty.
  - Added the required column `vendorId` to the `BidFile` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "VendorPersonKind" AS ENUM ('DIREKSI', 'KOMISARIS', 'PEMEGANG_SAHAM', 'TENAGA_AHLI', 'STAF');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Bid" ADD COLUMN     "receipt" JSONB NOT NULL,
ADD COLUMN     "replacedById" UUID,
ADD COLUMN     "submittedById" UUID NOT NULL,
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "BidFile" ADD COLUMN     "ciphertextSha256" TEXT NOT NULL,
ADD COLUMN     "tenderId" UUID NOT NULL,
ADD COLUMN     "uploadedAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "uploadedById" UUID NOT NULL,
ADD COLUMN     "vendorId" UUID NOT NULL,
ALTER COLUMN "bidId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "submittedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "VendorPermit" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "documentId" UUID,

    CONSTRAINT "VendorPermit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorDeed" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL,
    "notary" TEXT NOT NULL,
    "documentId" UUID,

    CONSTRAINT "VendorDeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorPerson" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "kind" "VendorPersonKind" NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "nik" TEXT,
    "education" TEXT,
    "experienceYears" INTEGER,

    CONSTRAINT "VendorPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorExperience" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "contractName" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "contractValue" BIGINT NOT NULL,
    "year" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "documentId" UUID,

    CONSTRAINT "VendorExperience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderParticipant" (
    "tenderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "registeredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderParticipant_pkey" PRIMARY KEY ("tenderId","vendorId")
);

-- CreateTable
CREATE TABLE "UserOpeningKey" (
    "userId" UUID NOT NULL,
    "publicKey" TEXT NOT NULL,
    "encryptedPrivateKey" BYTEA NOT NULL,
    "salt" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserOpeningKey_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "TenderOpeningKey" (
    "tenderId" UUID NOT NULL,
    "publicKey" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderOpeningKey_pkey" PRIMARY KEY ("tenderId")
);

-- CreateTable
CREATE TABLE "TenderKeyShare" (
    "tenderId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "shareIndex" INTEGER NOT NULL,
    "sealedShare" BYTEA NOT NULL,

    CONSTRAINT "TenderKeyShare_pkey" PRIMARY KEY ("tenderId","userId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "BidFile_tenderId_vendorId_idx" ON "BidFile"("tenderId", "vendorId");

-- AddForeignKey
ALTER TABLE "VendorPermit" ADD CONSTRAINT "VendorPermit_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorDeed" ADD CONSTRAINT "VendorDeed_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorPerson" ADD CONSTRAINT "VendorPerson_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorExperience" ADD CONSTRAINT "VendorExperience_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderParticipant" ADD CONSTRAINT "TenderParticipant_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderParticipant" ADD CONSTRAINT "TenderParticipant_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderOpeningKey" ADD CONSTRAINT "TenderOpeningKey_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderKeyShare" ADD CONSTRAINT "TenderKeyShare_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;
