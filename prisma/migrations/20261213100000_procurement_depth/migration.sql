-- Issue 15: structured bids and qualification, daftar hitam, seleksi (prakualifikasi, two files,
-- negotiation) and e-Kontrak. Adds only (docs/decisions/0018).

-- CreateEnum
CREATE TYPE "NegotiationOutcome" AS ENUM ('AGREED', 'FAILED');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'VENDOR_REVIEW', 'SIGNED', 'ACTIVE', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "PaymentMode" AS ENUM ('TERMIN', 'BULANAN');

-- CreateEnum
CREATE TYPE "BondBasis" AS ENUM ('CONTRACT_VALUE', 'HPS', 'NONE');

-- AlterEnum
ALTER TYPE "BidPart" ADD VALUE 'JAMINAN_PENAWARAN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DocumentKind" ADD VALUE 'KONTRAK';
ALTER TYPE "DocumentKind" ADD VALUE 'SPMK';
ALTER TYPE "DocumentKind" ADD VALUE 'BAST';
ALTER TYPE "DocumentKind" ADD VALUE 'JAMINAN_PELAKSANAAN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EvaluationMethod" ADD VALUE 'KUALITAS';
ALTER TYPE "EvaluationMethod" ADD VALUE 'KUALITAS_BIAYA';
ALTER TYPE "EvaluationMethod" ADD VALUE 'PAGU_ANGGARAN';
ALTER TYPE "EvaluationMethod" ADD VALUE 'BIAYA_TERENDAH';

-- AlterEnum
ALTER TYPE "SanggahKind" ADD VALUE 'SANGGAH_PRAKUALIFIKASI';

-- AlterEnum
ALTER TYPE "TenderFailureKind" ADD VALUE 'PREQUALIFICATION_FAILED';

-- AlterTable
ALTER TABLE "Bid" ADD COLUMN     "integrityPactAt" TIMESTAMPTZ(3),
ADD COLUMN     "openedQualification" JSONB,
ADD COLUMN     "priceOpenedAt" TIMESTAMPTZ(3),
ADD COLUMN     "qualificationCommitment" TEXT,
ADD COLUMN     "sealedQualification" BYTEA;

-- AlterTable
ALTER TABLE "ProcedureConfig" ADD COLUMN     "bidParts" "BidPart"[] DEFAULT ARRAY['ADMINISTRASI', 'KUALIFIKASI', 'TEKNIS', 'HARGA']::"BidPart"[],
ADD COLUMN     "prequalificationRepeats" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "seleksiBasis" TEXT NOT NULL DEFAULT 'Perpres 16/2018 jo. Perpres 12/2021 Pasal 41; Perlem LKPP 12/2021 Lampiran II',
ADD COLUMN     "shortlistMax" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "shortlistMin" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "shortlistMinAfterRepeat" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "technicalPassingGrade" INTEGER NOT NULL DEFAULT 70;

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "bidParts" "BidPart"[] DEFAULT ARRAY[]::"BidPart"[],
ADD COLUMN     "prequalificationRound" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "priceKeyWrapped" BYTEA,
ADD COLUMN     "priceOpenedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pricePublicKey" TEXT,
ADD COLUMN     "qualificationRequirements" JSONB,
ADD COLUMN     "shortlistAnnouncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "technicalPassingGrade" INTEGER;

-- CreateTable
CREATE TABLE "BlacklistEntry" (
    "id" UUID NOT NULL,
    "npwp" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "vendorId" UUID,
    "decreeNumber" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "agencyId" UUID,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" UUID,
    "liftReason" TEXT,

    CONSTRAINT "BlacklistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrequalificationApplication" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "form" JSONB NOT NULL,
    "passed" BOOLEAN,
    "score" DECIMAL(7,3),
    "reason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "shortlisted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PrequalificationApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderPriceKey" (
    "tenderId" UUID NOT NULL,
    "publicKey" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TenderPriceKey_pkey" PRIMARY KEY ("tenderId")
);

-- CreateTable
CREATE TABLE "TenderPriceKeyShare" (
    "tenderId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "shareIndex" INTEGER NOT NULL,
    "sealedShare" BYTEA NOT NULL,

    CONSTRAINT "TenderPriceKeyShare_pkey" PRIMARY KEY ("tenderId","userId")
);

-- CreateTable
CREATE TABLE "PriceOpeningApproval" (
    "tenderId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "wrappedShare" BYTEA,

    CONSTRAINT "PriceOpeningApproval_pkey" PRIMARY KEY ("tenderId","userId")
);

-- CreateTable
CREATE TABLE "Negotiation" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "outcome" "NegotiationOutcome" NOT NULL,
    "agreedPrice" BIGINT,
    "minutes" TEXT NOT NULL,
    "negotiatedById" UUID NOT NULL,
    "negotiatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Negotiation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "winnerBidId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "status" "ContractStatus" NOT NULL DEFAULT 'DRAFT',
    "originalValue" BIGINT NOT NULL,
    "value" BIGINT NOT NULL,
    "hps" BIGINT NOT NULL,
    "startsOn" TIMESTAMPTZ(3) NOT NULL,
    "endsOn" TIMESTAMPTZ(3) NOT NULL,
    "paymentMode" "PaymentMode" NOT NULL,
    "ppkSignatoryName" TEXT NOT NULL,
    "ppkSignatoryPosition" TEXT NOT NULL,
    "ppkSignatoryNip" TEXT NOT NULL,
    "vendorSignatoryName" TEXT NOT NULL,
    "vendorSignatoryPosition" TEXT NOT NULL,
    "bondBasis" "BondBasis" NOT NULL,
    "bondPercentBp" INTEGER NOT NULL,
    "bondAmount" BIGINT NOT NULL,
    "bondLegalBasis" TEXT NOT NULL,
    "draftedById" UUID NOT NULL,
    "draftedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "vendorNote" TEXT,
    "vendorSignedAt" TIMESTAMPTZ(3),
    "vendorSignedById" UUID,
    "ppkSignedAt" TIMESTAMPTZ(3),
    "ppkSignedById" UUID,
    "spmkNumber" TEXT,
    "spmkIssuedAt" TIMESTAMPTZ(3),
    "spmkStartsOn" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "terminatedAt" TIMESTAMPTZ(3),
    "terminationReason" TEXT,
    "terminatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractTermin" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "percentBp" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "dueOn" TIMESTAMPTZ(3),
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "progressNote" TEXT,
    "progressReportedAt" TIMESTAMPTZ(3),
    "progressReportedById" UUID,
    "bastNumber" TEXT,
    "bastAt" TIMESTAMPTZ(3),
    "bastById" UUID,
    "paidAmount" BIGINT,
    "paidAt" TIMESTAMPTZ(3),
    "paymentReference" TEXT,
    "paidById" UUID,

    CONSTRAINT "ContractTermin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractAddendum" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "valueBefore" BIGINT NOT NULL,
    "valueAfter" BIGINT NOT NULL,
    "endsOnBefore" TIMESTAMPTZ(3) NOT NULL,
    "endsOnAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContractAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorRating" (
    "contractId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "quality" INTEGER NOT NULL,
    "cost" INTEGER NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "service" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "ratedById" UUID NOT NULL,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VendorRating_pkey" PRIMARY KEY ("contractId")
);

-- CreateIndex
CREATE INDEX "BlacklistEntry_npwp_endsAt_idx" ON "BlacklistEntry"("npwp", "endsAt");

-- CreateIndex
CREATE INDEX "BlacklistEntry_createdAt_id_idx" ON "BlacklistEntry"("createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "PrequalificationApplication_tenderId_round_idx" ON "PrequalificationApplication"("tenderId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "PrequalificationApplication_tenderId_vendorId_round_key" ON "PrequalificationApplication"("tenderId", "vendorId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Negotiation_tenderId_bidId_key" ON "Negotiation"("tenderId", "bidId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_tenderId_key" ON "Contract"("tenderId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");

-- CreateIndex
CREATE INDEX "Contract_vendorId_idx" ON "Contract"("vendorId");

-- CreateIndex
CREATE INDEX "Contract_status_idx" ON "Contract"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTermin_contractId_position_key" ON "ContractTermin"("contractId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ContractAddendum_contractId_number_key" ON "ContractAddendum"("contractId", "number");

-- CreateIndex
CREATE INDEX "VendorRating_vendorId_idx" ON "VendorRating"("vendorId");

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BlacklistEntry" ADD CONSTRAINT "BlacklistEntry_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrequalificationApplication" ADD CONSTRAINT "PrequalificationApplication_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrequalificationApplication" ADD CONSTRAINT "PrequalificationApplication_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrequalificationApplication" ADD CONSTRAINT "PrequalificationApplication_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrequalificationApplication" ADD CONSTRAINT "PrequalificationApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderPriceKey" ADD CONSTRAINT "TenderPriceKey_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderPriceKeyShare" ADD CONSTRAINT "TenderPriceKeyShare_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderPriceKeyShare" ADD CONSTRAINT "TenderPriceKeyShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceOpeningApproval" ADD CONSTRAINT "PriceOpeningApproval_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceOpeningApproval" ADD CONSTRAINT "PriceOpeningApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_bidId_tenderId_fkey" FOREIGN KEY ("bidId", "tenderId") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Negotiation" ADD CONSTRAINT "Negotiation_negotiatedById_fkey" FOREIGN KEY ("negotiatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_winnerBidId_tenderId_fkey" FOREIGN KEY ("winnerBidId", "tenderId") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_vendorSignedById_fkey" FOREIGN KEY ("vendorSignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_ppkSignedById_fkey" FOREIGN KEY ("ppkSignedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_terminatedById_fkey" FOREIGN KEY ("terminatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTermin" ADD CONSTRAINT "ContractTermin_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTermin" ADD CONSTRAINT "ContractTermin_progressReportedById_fkey" FOREIGN KEY ("progressReportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTermin" ADD CONSTRAINT "ContractTermin_bastById_fkey" FOREIGN KEY ("bastById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractTermin" ADD CONSTRAINT "ContractTermin_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAddendum" ADD CONSTRAINT "ContractAddendum_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractAddendum" ADD CONSTRAINT "ContractAddendum_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRating" ADD CONSTRAINT "VendorRating_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRating" ADD CONSTRAINT "VendorRating_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorRating" ADD CONSTRAINT "VendorRating_ratedById_fkey" FOREIGN KEY ("ratedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------- invariants (named, decision 0022)

ALTER TABLE "ProcedureConfig"
  ADD CONSTRAINT "ProcedureConfig_shortlist_check" CHECK (
    "shortlistMinAfterRepeat" >= 1 AND "shortlistMinAfterRepeat" <= "shortlistMin"
    AND "shortlistMin" <= "shortlistMax" AND "prequalificationRepeats" >= 0),
  ADD CONSTRAINT "ProcedureConfig_technicalPassingGrade_check" CHECK ("technicalPassingGrade" BETWEEN 0 AND 100),
  ADD CONSTRAINT "ProcedureConfig_bidParts_check" CHECK (cardinality("bidParts") >= 1);

ALTER TABLE "Tender"
  ADD CONSTRAINT "Tender_technicalPassingGrade_check" CHECK ("technicalPassingGrade" BETWEEN 0 AND 100),
  ADD CONSTRAINT "Tender_prequalificationRound_check" CHECK ("prequalificationRound" >= 1),
  ADD CONSTRAINT "Tender_qualificationRequirements_shape" CHECK (
    "qualificationRequirements" IS NULL OR jsonb_typeof("qualificationRequirements") = 'object'),
  -- the price key is kept only once the price envelope was opened
  ADD CONSTRAINT "Tender_priceKeyWrapped_after_opening" CHECK ("priceKeyWrapped" IS NULL OR "priceOpenedAt" IS NOT NULL),
  ADD CONSTRAINT "Tender_priceOpened_after_opening" CHECK ("priceOpenedAt" IS NULL OR "openedAt" IS NOT NULL);

ALTER TABLE "Bid"
  ADD CONSTRAINT "Bid_qualification_sealed_whole" CHECK (("sealedQualification" IS NULL) = ("qualificationCommitment" IS NULL)),
  ADD CONSTRAINT "Bid_openedQualification_shape" CHECK (
    "openedQualification" IS NULL OR jsonb_typeof("openedQualification") = 'object');

ALTER TABLE "BlacklistEntry"
  ADD CONSTRAINT "BlacklistEntry_npwp_check" CHECK ("npwp" ~ '^[0-9]{15,16}$'),
  ADD CONSTRAINT "BlacklistEntry_period_check" CHECK ("endsAt" > "startsAt"),
  ADD CONSTRAINT "BlacklistEntry_text_not_blank" CHECK (
    btrim("vendorName") <> '' AND btrim("decreeNumber") <> '' AND btrim("legalBasis") <> '' AND btrim("reason") <> ''),
  ADD CONSTRAINT "BlacklistEntry_lift_whole" CHECK (
    ("liftedAt" IS NULL AND "liftedById" IS NULL AND "liftReason" IS NULL)
    OR ("liftedAt" IS NOT NULL AND "liftedById" IS NOT NULL AND btrim(COALESCE("liftReason", '')) <> ''));

ALTER TABLE "PrequalificationApplication"
  ADD CONSTRAINT "PrequalificationApplication_round_check" CHECK ("round" >= 1),
  ADD CONSTRAINT "PrequalificationApplication_form_shape" CHECK (jsonb_typeof("form") = 'object'),
  ADD CONSTRAINT "PrequalificationApplication_decision_whole" CHECK (
    ("passed" IS NULL AND "decidedById" IS NULL AND "decidedAt" IS NULL)
    OR ("passed" IS NOT NULL AND "decidedById" IS NOT NULL AND "decidedAt" IS NOT NULL AND btrim(COALESCE("reason", '')) <> '')),
  ADD CONSTRAINT "PrequalificationApplication_score_check" CHECK ("score" IS NULL OR "score" BETWEEN 0 AND 100),
  ADD CONSTRAINT "PrequalificationApplication_shortlisted_passed" CHECK (NOT "shortlisted" OR "passed" IS TRUE);

ALTER TABLE "TenderPriceKey" ADD CONSTRAINT "TenderPriceKey_threshold_check" CHECK ("threshold" >= 1);

ALTER TABLE "Negotiation"
  ADD CONSTRAINT "Negotiation_outcome_shape" CHECK (
    ("outcome" = 'AGREED' AND "agreedPrice" > 0) OR ("outcome" = 'FAILED' AND "agreedPrice" IS NULL)),
  ADD CONSTRAINT "Negotiation_minutes_not_blank" CHECK (btrim("minutes") <> '');

ALTER TABLE "Contract"
  ADD CONSTRAINT "Contract_money_check" CHECK (
    "originalValue" > 0 AND "value" > 0 AND "hps" > 0 AND "bondAmount" >= 0
    AND "bondPercentBp" BETWEEN 0 AND 10000 AND ("bondBasis" = 'NONE') = ("bondAmount" = 0 AND "bondPercentBp" = 0)),
  ADD CONSTRAINT "Contract_period_check" CHECK ("endsOn" > "startsOn"),
  ADD CONSTRAINT "Contract_text_not_blank" CHECK (
    btrim("number") <> '' AND btrim("ppkSignatoryName") <> '' AND btrim("ppkSignatoryPosition") <> ''
    AND btrim("ppkSignatoryNip") <> '' AND btrim("vendorSignatoryName") <> '' AND btrim("vendorSignatoryPosition") <> ''
    AND btrim("bondLegalBasis") <> ''),
  ADD CONSTRAINT "Contract_signatures_whole" CHECK (
    ("vendorSignedAt" IS NULL) = ("vendorSignedById" IS NULL) AND ("ppkSignedAt" IS NULL) = ("ppkSignedById" IS NULL)),
  ADD CONSTRAINT "Contract_status_stamps" CHECK (
    ("status" <> 'VENDOR_REVIEW' OR "sentAt" IS NOT NULL)
    AND ("status" NOT IN ('SIGNED', 'ACTIVE', 'COMPLETED') OR ("vendorSignedAt" IS NOT NULL AND "ppkSignedAt" IS NOT NULL))
    AND ("status" NOT IN ('ACTIVE', 'COMPLETED') OR ("spmkIssuedAt" IS NOT NULL AND "spmkStartsOn" IS NOT NULL AND btrim(COALESCE("spmkNumber", '')) <> ''))
    AND (("status" = 'COMPLETED') = ("completedAt" IS NOT NULL))
    AND (("status" = 'TERMINATED') = ("terminatedAt" IS NOT NULL))),
  ADD CONSTRAINT "Contract_termination_whole" CHECK (
    ("terminatedAt" IS NULL AND "terminatedById" IS NULL AND "terminationReason" IS NULL)
    OR ("terminatedAt" IS NOT NULL AND "terminatedById" IS NOT NULL AND btrim(COALESCE("terminationReason", '')) <> ''));

ALTER TABLE "ContractTermin"
  ADD CONSTRAINT "ContractTermin_shape" CHECK (
    "position" >= 1 AND "percentBp" BETWEEN 1 AND 10000 AND "amount" >= 0 AND "progressPercent" BETWEEN 0 AND 100
    AND btrim("description") <> ''),
  ADD CONSTRAINT "ContractTermin_bast_whole" CHECK (
    ("bastAt" IS NULL AND "bastById" IS NULL AND "bastNumber" IS NULL)
    OR ("bastAt" IS NOT NULL AND "bastById" IS NOT NULL AND btrim(COALESCE("bastNumber", '')) <> '')),
  -- a termin is paid after its work was handed over (BAST), never before
  ADD CONSTRAINT "ContractTermin_payment_whole" CHECK (
    ("paidAt" IS NULL AND "paidById" IS NULL AND "paidAmount" IS NULL AND "paymentReference" IS NULL)
    OR ("paidAt" IS NOT NULL AND "paidById" IS NOT NULL AND "paidAmount" > 0 AND "bastAt" IS NOT NULL
        AND btrim(COALESCE("paymentReference", '')) <> ''));

ALTER TABLE "ContractAddendum"
  ADD CONSTRAINT "ContractAddendum_shape" CHECK (
    "number" >= 1 AND btrim("reason") <> '' AND "valueBefore" > 0 AND "valueAfter" > 0);

ALTER TABLE "VendorRating"
  ADD CONSTRAINT "VendorRating_scores_check" CHECK (
    "quality" BETWEEN 1 AND 4 AND "cost" BETWEEN 1 AND 4 AND "timeliness" BETWEEN 1 AND 4 AND "service" BETWEEN 1 AND 4
    AND btrim("note") <> '');

-- Kept, never removed by the application: a sanction, an agreed change, a negotiation's
-- minutes and a rating are records (a lift or a later addendum is a new fact, not an erasure).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'segel_app') THEN
    REVOKE DELETE, TRUNCATE ON "BlacklistEntry", "ContractAddendum", "Negotiation", "VendorRating" FROM segel_app;
  END IF;
END $$;
