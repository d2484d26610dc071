-- Invariants PostgreSQL holds for every writer, the application or anyone with SQL access
-- (docs/decisions/0022-database-invariants.md). Each constraint has a name of its own, so
-- a refusal says which rule was broken. Only additions and tightened rules: CASCADE on
-- sealed evidence becomes RESTRICT (drop the foreign key, add it again).

-- ---------------------------------------------------------------- one submitted bid

-- A vendor has at most one SUBMITTED bid per tender; replaced and withdrawn bids stay as
-- history beside it (submit-bid.ts replaces under the vendor-and-tender lock).
CREATE UNIQUE INDEX "Bid_one_submitted_per_vendor" ON "Bid"("tenderId", "vendorId") WHERE "status" = 'SUBMITTED';

-- ---------------------------------------------------------------- sealed evidence: RESTRICT

-- Bids, their files and defects, the opening key, its shares and the opening approvals
-- are evidence of a sealed procedure: deleting a tender or a bid must not take them along.
ALTER TABLE "BidFile" DROP CONSTRAINT "BidFile_bidId_fkey";
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BidDefect" DROP CONSTRAINT "BidDefect_bidId_fkey";
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BidDefect" DROP CONSTRAINT "BidDefect_bidFileId_fkey";
ALTER TABLE "BidDefect" ADD CONSTRAINT "BidDefect_bidFileId_fkey" FOREIGN KEY ("bidFileId") REFERENCES "BidFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TenderOpeningKey" DROP CONSTRAINT "TenderOpeningKey_tenderId_fkey";
ALTER TABLE "TenderOpeningKey" ADD CONSTRAINT "TenderOpeningKey_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TenderKeyShare" DROP CONSTRAINT "TenderKeyShare_tenderId_fkey";
ALTER TABLE "TenderKeyShare" ADD CONSTRAINT "TenderKeyShare_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OpeningApproval" DROP CONSTRAINT "OpeningApproval_tenderId_fkey";
ALTER TABLE "OpeningApproval" ADD CONSTRAINT "OpeningApproval_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- a sanggah names the bid it objects to: deleting the bid no longer empties the reference
ALTER TABLE "Sanggah" DROP CONSTRAINT "Sanggah_bidId_fkey";
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------- foreign keys that were missing

-- The winner and reserves are bids of this tender: (bidId, tender id) references
-- Bid (id, tenderId), which needs that pair unique.
CREATE UNIQUE INDEX "Bid_id_tenderId_key" ON "Bid"("id", "tenderId");
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_winnerBidId_id_fkey" FOREIGN KEY ("winnerBidId", "id") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_reserve1BidId_id_fkey" FOREIGN KEY ("reserve1BidId", "id") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_reserve2BidId_id_fkey" FOREIGN KEY ("reserve2BidId", "id") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Bid" ADD CONSTRAINT "Bid_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TenderKeyShare" ADD CONSTRAINT "TenderKeyShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OpeningApproval" ADD CONSTRAINT "OpeningApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "UserOpeningKey" ADD CONSTRAINT "UserOpeningKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One banding per sanggah (Perpres 16/2018 Pasal 51: the banding appeals the answer to
-- the vendor's sanggah); the appealed row must exist.
CREATE UNIQUE INDEX "Sanggah_appealOfId_key" ON "Sanggah"("appealOfId");
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_appealOfId_fkey" FOREIGN KEY ("appealOfId") REFERENCES "Sanggah"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_paketId_fkey" FOREIGN KEY ("paketId") REFERENCES "Paket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "NonTenderRecord" ADD CONSTRAINT "NonTenderRecord_workUnitId_fkey" FOREIGN KEY ("workUnitId") REFERENCES "WorkUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NonTenderRecord" ADD CONSTRAINT "NonTenderRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VendorPermit" ADD CONSTRAINT "VendorPermit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VendorDeed" ADD CONSTRAINT "VendorDeed_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "VendorExperience" ADD CONSTRAINT "VendorExperience_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ScheduleChange" ADD CONSTRAINT "ScheduleChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MethodRule" ADD CONSTRAINT "MethodRule_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Question" ADD CONSTRAINT "Question_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- an inbox is not evidence: it goes with its user, like the user's sessions
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------- an instance-wide role once

-- agencyId is null for an instance-wide role; with NULLS DISTINCT the old index let a
-- user hold ADMIN_LPSE twice.
DROP INDEX "RoleMembership_userId_role_agencyId_key";
CREATE UNIQUE INDEX "RoleMembership_userId_role_agencyId_key" ON "RoleMembership"("userId", "role", "agencyId") NULLS NOT DISTINCT;

-- ---------------------------------------------------------------- money

-- The rupiah ceiling is decision 0014's 9999999999999999, written as its migration writes
-- it. A paket's HPS is above zero and never above its pagu (Perpres 16/2018 Pasal 26:
-- the HPS is worked out within the budget); volume is a whole number from 1.
ALTER TABLE "Paket" DROP CONSTRAINT "Paket_hps_rupiah";
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_hps_rupiah" CHECK ("hps" > 0 AND "hps" <= 9999999999999999);
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_hps_within_pagu" CHECK ("hps" <= "pagu");
ALTER TABLE "HpsItem" ADD CONSTRAINT "HpsItem_quantity_positive" CHECK ("quantity" > 0);

-- sistem nilai: both weights or neither, each 0..100, summing to 100
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_weights_sum_100" CHECK (
  ("technicalWeight" IS NULL AND "priceWeight" IS NULL)
  OR ("technicalWeight" IS NOT NULL AND "priceWeight" IS NOT NULL
    AND "technicalWeight" BETWEEN 0 AND 100 AND "priceWeight" BETWEEN 0 AND 100 AND "technicalWeight" + "priceWeight" = 100));

-- ---------------------------------------------------------------- one owner per document

-- A document belongs to exactly one paket, tender, vendor, non-tender record or sanggah.
-- A sanggah's evidence also names its tender and its vendor, who may read it
-- (sanggah-document-target.ts); those copies must be the sanggah's own.
CREATE UNIQUE INDEX "Sanggah_id_tenderId_vendorId_key" ON "Sanggah"("id", "tenderId", "vendorId");
ALTER TABLE "Document" ADD CONSTRAINT "Document_one_owner" CHECK (
  CASE WHEN "sanggahId" IS NULL
    THEN num_nonnulls("paketId", "tenderId", "vendorId", "nonTenderRecordId") = 1
    ELSE "paketId" IS NULL AND "nonTenderRecordId" IS NULL AND "tenderId" IS NOT NULL AND "vendorId" IS NOT NULL
  END);
ALTER TABLE "Document" DROP CONSTRAINT "Document_sanggahId_fkey";
ALTER TABLE "Document" ADD CONSTRAINT "Document_sanggahId_tenderId_vendorId_fkey" FOREIGN KEY ("sanggahId", "tenderId", "vendorId") REFERENCES "Sanggah"("id", "tenderId", "vendorId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------- sanggah and banding

-- A banding appeals a sanggah and carries its bond (1% of HPS, at least Rp1: windows.ts);
-- a sanggah has neither.
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_banding_shape" CHECK (
  CASE "kind"
    WHEN 'SANGGAH_BANDING' THEN "appealOfId" IS NOT NULL AND "bondAmount" IS NOT NULL AND "bondAmount" > 0
    ELSE "appealOfId" IS NULL AND "bondAmount" IS NULL
  END);

-- ---------------------------------------------------------------- the tender's status and its stamps

-- The lifecycle's one writer (src/modules/tenders/server/apply-tender-event.ts) keeps these
-- true; PostgreSQL refuses any other write that breaks them. A tender the schedule worker
-- no longer watches has no next check: clear the ones the opening failed without
-- clearing it before this rule existed.
UPDATE "Tender" SET "nextCheckAt" = NULL WHERE "status" IN ('DRAFT', 'COMPLETED', 'FAILED', 'CANCELLED') AND "nextCheckAt" IS NOT NULL;

-- a draft is not announced; every status after it was (a draft may be cancelled)
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_published_stamp" CHECK (
  ("status" <> 'DRAFT' OR "publishedAt" IS NULL)
  AND ("status" NOT IN ('PUBLISHED', 'EVALUATION', 'AWARDED', 'COMPLETED', 'FAILED') OR "publishedAt" IS NOT NULL));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_failed_stamp" CHECK (
  ("status" = 'FAILED') = ("failedAt" IS NOT NULL)
  AND ("failedAt" IS NULL OR ("failureKind" IS NOT NULL AND "endReason" IS NOT NULL)));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_cancelled_stamp" CHECK (
  ("status" = 'CANCELLED') = ("cancelledAt" IS NOT NULL)
  AND ("cancelledAt" IS NULL OR "endReason" IS NOT NULL));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_completed_stamp" CHECK (
  ("status" = 'COMPLETED') = ("completedAt" IS NOT NULL)
  AND ("sppbjIssuedAt" IS NOT NULL) = ("completedAt" IS NOT NULL));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_award_stamp" CHECK (
  ("status" NOT IN ('AWARDED', 'COMPLETED') OR "announcedAt" IS NOT NULL)
  AND ("announcedAt" IS NULL OR "awardedAt" IS NOT NULL)
  AND ("awardedAt" IS NOT NULL) = ("winnerBidId" IS NOT NULL)
  AND ("awardedAt" IS NULL OR "openedAt" IS NOT NULL));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_reserves" CHECK (
  ("reserve2BidId" IS NULL OR "reserve1BidId" IS NOT NULL)
  AND ("reserve1BidId" IS NULL OR "winnerBidId" IS NOT NULL)
  AND ("reserve1BidId" IS NULL OR "reserve1BidId" <> "winnerBidId")
  AND ("reserve2BidId" IS NULL OR ("reserve2BidId" <> "winnerBidId" AND "reserve2BidId" <> "reserve1BidId")));
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_next_check_stamp" CHECK (
  "status" NOT IN ('DRAFT', 'COMPLETED', 'FAILED', 'CANCELLED') OR "nextCheckAt" IS NULL);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_deadlineExtensions_check" CHECK ("deadlineExtensions" >= 0);

-- ---------------------------------------------------------------- a procedure's stages

-- ProcedureConfig.stages is read as [{ kind, days, minHours, basis }] (tender-stages.ts):
-- a non-empty array of objects whose kind is a StageKind (read from the enum itself, so a
-- new stage kind needs no change here), days and minHours whole numbers from 0 when
-- present, basis text when present. IMMUTABLE for the CHECK: it reads only its argument
-- and the enum's labels, which PostgreSQL can add to but never remove.
CREATE FUNCTION segel_procedure_stages_valid(stages jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN jsonb_typeof(stages) <> 'array' THEN false WHEN jsonb_array_length(stages) = 0 THEN false ELSE NOT EXISTS (
    SELECT 1 FROM jsonb_array_elements(stages) AS s(stage)
    WHERE CASE
      WHEN jsonb_typeof(stage) <> 'object' THEN true
      WHEN jsonb_typeof(stage -> 'kind') IS DISTINCT FROM 'string' THEN true
      WHEN NOT (stage ->> 'kind') = ANY (enum_range(NULL::"StageKind")::text[]) THEN true
      -- each WHEN is reached only when the ones above it did not hold, so a cast to
      -- numeric runs only on a JSON number
      WHEN stage ? 'days' AND jsonb_typeof(stage -> 'days') <> 'number' THEN true
      WHEN stage ? 'minHours' AND jsonb_typeof(stage -> 'minHours') <> 'number' THEN true
      WHEN (stage ->> 'days')::numeric < 0 OR (stage ->> 'days')::numeric % 1 <> 0 THEN true
      WHEN (stage ->> 'minHours')::numeric < 0 OR (stage ->> 'minHours')::numeric % 1 <> 0 THEN true
      WHEN stage ? 'basis' AND jsonb_typeof(stage -> 'basis') <> 'string' THEN true
      ELSE false
    END) END
$$;
ALTER TABLE "ProcedureConfig" ADD CONSTRAINT "ProcedureConfig_stages_shape" CHECK (segel_procedure_stages_valid("stages"));
