-- An accepted sanggah (or sanggah banding) withdraws the announced award, and the Pokja
-- re-evaluates from the stage the objection concerns (evaluasi ulang), then sets and
-- announces a winner again, or the tender fails (Perpres 16/2018 as amended by Perpres
-- 12/2021 Pasal 50 ayat (8)-(9), Pasal 51; Perlem LKPP 12/2021 Lampiran II, sanggah).
-- The withdrawn award and the superseded decisions are kept here for the record (the
-- tender's columns hold only the award in force). Sealed evidence: nothing cascades.

-- CreateTable
CREATE TABLE "AwardWithdrawal" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "winnerBidId" UUID NOT NULL,
    "announcedAt" TIMESTAMPTZ(3) NOT NULL,
    "sanggahId" UUID NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AwardWithdrawal_pkey" PRIMARY KEY ("id"),
    -- an award is withdrawn after it was announced, never before
    CONSTRAINT "AwardWithdrawal_after_announcement" CHECK ("withdrawnAt" >= "announcedAt")
);

-- CreateTable
CREATE TABLE "EvaluationReopening" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "withdrawalId" UUID NOT NULL,
    "fromStage" "EvaluationStage" NOT NULL,
    "reason" TEXT NOT NULL,
    "reopenedById" UUID NOT NULL,
    "reopenedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationReopening_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EvaluationReopening_reason_not_blank" CHECK (btrim("reason") <> '')
);

-- CreateTable: an Evaluation row as it stood when a reopening superseded it (same id)
CREATE TABLE "SupersededEvaluation" (
    "id" UUID NOT NULL,
    "reopeningId" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "stage" "EvaluationStage" NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "score" DECIMAL(7,3),
    "technicalScore" DECIMAL(7,3),
    "priceScore" DECIMAL(7,3),
    "lifeCycleCost" BIGINT,
    "correctedPrice" BIGINT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupersededEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AwardWithdrawal_sanggahId_key" ON "AwardWithdrawal"("sanggahId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardWithdrawal_tenderId_announcedAt_key" ON "AwardWithdrawal"("tenderId", "announcedAt");

-- CreateIndex
CREATE INDEX "EvaluationReopening_tenderId_reopenedAt_idx" ON "EvaluationReopening"("tenderId", "reopenedAt");

-- CreateIndex
CREATE INDEX "SupersededEvaluation_reopeningId_idx" ON "SupersededEvaluation"("reopeningId");

-- CreateIndex
CREATE INDEX "SupersededEvaluation_bidId_stage_idx" ON "SupersededEvaluation"("bidId", "stage");

-- AddForeignKey
ALTER TABLE "AwardWithdrawal" ADD CONSTRAINT "AwardWithdrawal_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardWithdrawal" ADD CONSTRAINT "AwardWithdrawal_winnerBidId_fkey" FOREIGN KEY ("winnerBidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardWithdrawal" ADD CONSTRAINT "AwardWithdrawal_sanggahId_fkey" FOREIGN KEY ("sanggahId") REFERENCES "Sanggah"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationReopening" ADD CONSTRAINT "EvaluationReopening_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationReopening" ADD CONSTRAINT "EvaluationReopening_withdrawalId_fkey" FOREIGN KEY ("withdrawalId") REFERENCES "AwardWithdrawal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationReopening" ADD CONSTRAINT "EvaluationReopening_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_reopeningId_fkey" FOREIGN KEY ("reopeningId") REFERENCES "EvaluationReopening"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
