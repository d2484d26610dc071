-- Penetapan by the Pokja as a body (SPSE's Persetujuan Pemenang): one member proposes the
-- winner and reserves from the recorded evaluation; it takes effect when more than half of
-- the Pokja's members approve, each decision recorded (docs/decisions/0025). Sealed
-- evidence of the selection: nothing cascades away.

-- CreateEnum
CREATE TYPE "WinnerApprovalDecision" AS ENUM ('APPROVE', 'DISAGREE');

-- CreateTable
CREATE TABLE "WinnerProposal" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "proposedById" UUID NOT NULL,
    "winnerBidId" UUID NOT NULL,
    "reserve1BidId" UUID,
    "reserve2BidId" UUID,
    "fingerprint" TEXT NOT NULL,
    "basis" JSONB NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "adoptedAt" TIMESTAMPTZ(3),
    "beritaAcaraId" UUID,

    CONSTRAINT "WinnerProposal_pkey" PRIMARY KEY ("id"),
    -- SHA-256 of the ranking and decisions the proposal was made on, in hex
    CONSTRAINT "WinnerProposal_fingerprint_hex" CHECK ("fingerprint" ~ '^[0-9a-f]{64}$'),
    -- a reserve 2 only after a reserve 1, and no bid in two places
    CONSTRAINT "WinnerProposal_reserves_in_order" CHECK ("reserve2BidId" IS NULL OR "reserve1BidId" IS NOT NULL),
    -- (a comparison with NULL is not false, so an empty reserve passes)
    CONSTRAINT "WinnerProposal_bids_distinct" CHECK (
        "winnerBidId" <> "reserve1BidId" AND "winnerBidId" <> "reserve2BidId" AND "reserve1BidId" <> "reserve2BidId"
    ),
    -- withdrawn by someone, and a proposal ends at most one way, after it was made
    CONSTRAINT "WinnerProposal_withdrawn_by" CHECK (("withdrawnAt" IS NULL) = ("withdrawnById" IS NULL)),
    CONSTRAINT "WinnerProposal_one_end" CHECK (num_nonnulls("withdrawnAt", "supersededAt", "adoptedAt") <= 1),
    CONSTRAINT "WinnerProposal_ends_after_proposed" CHECK (
        COALESCE("withdrawnAt", "supersededAt", "adoptedAt", "proposedAt") >= "proposedAt"
    ),
    -- an adopted proposal has its Berita Acara Hasil Pemilihan, and only it has one
    CONSTRAINT "WinnerProposal_adopted_has_bahp" CHECK (("adoptedAt" IS NULL) = ("beritaAcaraId" IS NULL))
);

-- CreateTable
CREATE TABLE "WinnerApproval" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "decision" "WinnerApprovalDecision" NOT NULL,
    "reason" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WinnerApproval_pkey" PRIMARY KEY ("id"),
    -- a member who disagrees says why
    CONSTRAINT "WinnerApproval_disagree_has_reason" CHECK ("decision" = 'APPROVE' OR btrim(COALESCE("reason", '')) <> '')
);

-- One open proposal per tender at a time
CREATE UNIQUE INDEX "WinnerProposal_one_open" ON "WinnerProposal"("tenderId")
    WHERE "withdrawnAt" IS NULL AND "supersededAt" IS NULL AND "adoptedAt" IS NULL;

-- CreateIndex
CREATE INDEX "WinnerProposal_tenderId_proposedAt_idx" ON "WinnerProposal"("tenderId", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WinnerProposal_beritaAcaraId_key" ON "WinnerProposal"("beritaAcaraId");

-- CreateIndex
CREATE UNIQUE INDEX "WinnerApproval_proposalId_userId_key" ON "WinnerApproval"("proposalId", "userId");

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey: each bid is a bid of the proposal's tender
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_winnerBidId_tenderId_fkey" FOREIGN KEY ("winnerBidId", "tenderId") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_reserve1BidId_tenderId_fkey" FOREIGN KEY ("reserve1BidId", "tenderId") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_reserve2BidId_tenderId_fkey" FOREIGN KEY ("reserve2BidId", "tenderId") REFERENCES "Bid"("id", "tenderId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerProposal" ADD CONSTRAINT "WinnerProposal_beritaAcaraId_fkey" FOREIGN KEY ("beritaAcaraId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerApproval" ADD CONSTRAINT "WinnerApproval_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "WinnerProposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WinnerApproval" ADD CONSTRAINT "WinnerApproval_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
