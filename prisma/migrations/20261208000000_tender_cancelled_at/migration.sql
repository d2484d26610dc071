-- Tender batal: the instant a tender was cancelled, the stamp its CANCELLED status is tied to.
ALTER TABLE "Tender" ADD COLUMN "cancelledAt" TIMESTAMPTZ(3);
