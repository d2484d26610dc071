-- A vendor's contract signatory who is not on its direksi signs under a surat kuasa from a
-- director (UU 40/2007 Pasal 103, cited from memory: the direksi may give a written power to act for the company).
-- The contract records its number, day and grantor; docs/decisions/0042.

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "vendorMandateDate" TIMESTAMPTZ(3),
ADD COLUMN     "vendorMandateGrantor" TEXT,
ADD COLUMN     "vendorMandateNumber" TEXT;

-- All three or none, and no blank one: a power of attorney without its number or its grantor
-- names nobody. Every existing row has none, so the CHECK is valid at once.
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_vendor_mandate_whole" CHECK (
  ("vendorMandateNumber" IS NULL AND "vendorMandateDate" IS NULL AND "vendorMandateGrantor" IS NULL)
  OR (
    length(btrim("vendorMandateNumber")) BETWEEN 1 AND 100
    AND "vendorMandateDate" IS NOT NULL
    AND length(btrim("vendorMandateGrantor")) BETWEEN 1 AND 200
  )
);
