-- CreateEnum
CREATE TYPE "BidDefectCode" AS ENUM ('RECEIPT_INVALID', 'PRICE_UNOPENABLE', 'PRICE_MALFORMED', 'PRICE_ABOVE_CEILING', 'PRICE_COMMITMENT_MISMATCH', 'FILE_UNOPENABLE', 'FILE_COMMITMENT_MISMATCH', 'FILE_MISSING');

-- CreateTable
CREATE TABLE "BidDefect" (
    "id" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "bidFileId" UUID,
    "part" "BidPart",
    "code" "BidDefectCode" NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BidDefect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BidDefect_bidId_idx" ON "BidDefect"("bidId");

-- AddForeignKey
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_bidFileId_fkey" FOREIGN KEY ("bidFileId") REFERENCES "BidFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A file defect names the part it concerns; a defect of the bid as a whole (receipt,
-- price) names no file.
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_file_part" CHECK (
  CASE WHEN "code"::text LIKE 'FILE\_%' THEN "part" IS NOT NULL ELSE "part" IS NULL AND "bidFileId" IS NULL END
);
-- Only a missing file has no row to point at.
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_file_row" CHECK ("code" = 'FILE_MISSING' OR "code"::text NOT LIKE 'FILE\_%' OR "bidFileId" IS NOT NULL);
