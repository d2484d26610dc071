-- Invitations the Pokja sends to chosen bidders during evaluation: to pembuktian
-- kualifikasi (checking the originals) or to klarifikasi/negosiasi, with when, where and
-- what to bring (Perlem LKPP 12/2021, Lampiran II). One row per invitation, one per
-- invited bid. Sealed evidence of the selection: nothing cascades away.

-- CreateEnum
CREATE TYPE "EvaluationInvitationKind" AS ENUM ('PEMBUKTIAN', 'KLARIFIKASI');

-- CreateTable
CREATE TABLE "EvaluationInvitation" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "kind" "EvaluationInvitationKind" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "sentById" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationInvitation_pkey" PRIMARY KEY ("id"),
    -- an invitation must say where: a blank place is no invitation
    CONSTRAINT "EvaluationInvitation_place_not_blank" CHECK (btrim("place") <> ''),
    -- an invitation is to a meeting after it is sent
    CONSTRAINT "EvaluationInvitation_at_after_sent" CHECK ("at" > "sentAt")
);

-- CreateTable
CREATE TABLE "EvaluationInvitationBid" (
    "invitationId" UUID NOT NULL,
    "bidId" UUID NOT NULL,

    CONSTRAINT "EvaluationInvitationBid_pkey" PRIMARY KEY ("invitationId","bidId")
);

-- CreateIndex
CREATE INDEX "EvaluationInvitation_tenderId_sentAt_idx" ON "EvaluationInvitation"("tenderId", "sentAt");

-- CreateIndex
CREATE INDEX "EvaluationInvitationBid_bidId_idx" ON "EvaluationInvitationBid"("bidId");

-- AddForeignKey
ALTER TABLE "EvaluationInvitation" ADD CONSTRAINT "EvaluationInvitation_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInvitation" ADD CONSTRAINT "EvaluationInvitation_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInvitationBid" ADD CONSTRAINT "EvaluationInvitationBid_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "EvaluationInvitation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationInvitationBid" ADD CONSTRAINT "EvaluationInvitationBid_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
