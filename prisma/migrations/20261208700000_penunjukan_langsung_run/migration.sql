-- Penunjukan langsung runs as a tender of its own (docs/decisions/0027): the approved
-- request points at the Tender row (method PENUNJUKAN_LANGSUNG) that invites its vendor,
-- and keeps the clarification and negotiation's result (the agreed price and the minutes).

ALTER TABLE "PenunjukanLangsung" ADD COLUMN "tenderId" UUID;
ALTER TABLE "PenunjukanLangsung" ADD COLUMN "agreedPrice" BIGINT;
ALTER TABLE "PenunjukanLangsung" ADD COLUMN "negotiationMinutes" TEXT;
ALTER TABLE "PenunjukanLangsung" ADD COLUMN "negotiatedAt" TIMESTAMPTZ(3);
ALTER TABLE "PenunjukanLangsung" ADD COLUMN "negotiatedById" UUID;

CREATE UNIQUE INDEX "PenunjukanLangsung_tenderId_key" ON "PenunjukanLangsung"("tenderId");
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_tenderId_fkey"
  FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_negotiatedById_fkey"
  FOREIGN KEY ("negotiatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Only an approved request is run (Perpres 16/2018 Pasal 51 ayat (14)).
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_tender_approved"
  CHECK ("tenderId" IS NULL OR "decision" = 'APPROVED');
-- A negotiation is recorded whole, on a running penunjukan, at a price within the rupiah
-- ceiling (docs/decisions/0014).
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_negotiation_whole"
  CHECK (("agreedPrice" IS NULL AND "negotiationMinutes" IS NULL AND "negotiatedAt" IS NULL AND "negotiatedById" IS NULL)
      OR ("agreedPrice" IS NOT NULL AND "negotiationMinutes" IS NOT NULL AND "negotiatedAt" IS NOT NULL
          AND "negotiatedById" IS NOT NULL AND "tenderId" IS NOT NULL AND "vendorId" IS NOT NULL));
ALTER TABLE "PenunjukanLangsung" ADD CONSTRAINT "PenunjukanLangsung_agreedPrice_rupiah"
  CHECK ("agreedPrice" > 0 AND "agreedPrice" <= 9999999999999999);

-- A penunjukan langsung is open to its invited vendor alone: no other vendor may be
-- registered for it, whatever writes the row.
CREATE FUNCTION segel_penunjukan_participant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Tender" t WHERE t.id = NEW."tenderId" AND t.method = 'PENUNJUKAN_LANGSUNG')
     AND NOT EXISTS (SELECT 1 FROM "PenunjukanLangsung" p WHERE p."tenderId" = NEW."tenderId" AND p."vendorId" = NEW."vendorId") THEN
    RAISE EXCEPTION 'only the invited vendor takes part in a penunjukan langsung'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'TenderParticipant_penunjukan_invited';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "TenderParticipant_penunjukan_invited" BEFORE INSERT OR UPDATE ON "TenderParticipant"
FOR EACH ROW EXECUTE FUNCTION segel_penunjukan_participant();
