-- CreateEnum
CREATE TYPE "TenderFailureKind" AS ENUM ('NO_BIDS', 'TOO_FEW_BIDS', 'NOBODY_PASSES', 'ALL_ABOVE_HPS', 'DOCUMENT_ERROR', 'COLLUSION', 'OTHER');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'KPA';

-- AlterTable
ALTER TABLE "Bid" ADD COLUMN     "correctedPrice" BIGINT,
ADD COLUMN     "isLowPriceFlagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lowPriceClarification" TEXT,
ADD COLUMN     "openedPrice" BIGINT,
ADD COLUMN     "rank" INTEGER;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "sanggahId" UUID;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "lifeCycleCost" BIGINT,
ADD COLUMN     "priceScore" DECIMAL(7,3),
ADD COLUMN     "technicalScore" DECIMAL(7,3);

-- AlterTable
ALTER TABLE "Sanggah" ADD COLUMN     "appealOfId" UUID,
ADD COLUMN     "isAccepted" BOOLEAN;

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "announcedAt" TIMESTAMPTZ(3),
ADD COLUMN     "awardedAt" TIMESTAMPTZ(3),
ADD COLUMN     "completedAt" TIMESTAMPTZ(3),
ADD COLUMN     "failedAt" TIMESTAMPTZ(3),
ADD COLUMN     "failureKind" "TenderFailureKind",
ADD COLUMN     "openedAt" TIMESTAMPTZ(3),
ADD COLUMN     "openedKeyWrapped" BYTEA,
ADD COLUMN     "previousTenderId" UUID,
ADD COLUMN     "reserve1BidId" UUID,
ADD COLUMN     "reserve2BidId" UUID,
ADD COLUMN     "sppbjIssuedAt" TIMESTAMPTZ(3),
ADD COLUMN     "winnerBidId" UUID;

-- CreateTable
CREATE TABLE "OpeningApproval" (
    "tenderId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "wrappedShare" BYTEA,

    CONSTRAINT "OpeningApproval_pkey" PRIMARY KEY ("tenderId","userId")
);

-- CreateTable
CREATE TABLE "PenunjukanLangsung" (
    "id" UUID NOT NULL,
    "failedTenderId" UUID NOT NULL,
    "paketId" UUID NOT NULL,
    "vendorId" UUID,
    "justification" TEXT NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "isApproved" BOOLEAN,

    CONSTRAINT "PenunjukanLangsung_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_previousTenderId_fkey" FOREIGN KEY ("previousTenderId") REFERENCES "Tender"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sanggahId_fkey" FOREIGN KEY ("sanggahId") REFERENCES "Sanggah"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningApproval" ADD CONSTRAINT "OpeningApproval_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_failedTenderId_fkey" FOREIGN KEY ("failedTenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
