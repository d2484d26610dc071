-- Tender Cepat (Perpres 16/2018 Pasal 38 ayat (6)): the qualification requirements a
-- participant's verified profile must meet, as data the system checks.
ALTER TABLE "Tender" ADD COLUMN "requiredKbli" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "requiredPermits" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Prisma keeps list columns nullable; the lists are never null, KBLI codes are five digits
-- (not starting 00, as the vendor profile's), a permit kind is not blank, and the lists
-- stay short (configuration, not law: a requirement list is a few lines).
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_required_shape" CHECK (
  "requiredKbli" IS NOT NULL AND "requiredPermits" IS NOT NULL
  AND cardinality("requiredKbli") <= 20 AND cardinality("requiredPermits") <= 10
  AND array_position("requiredKbli", NULL) IS NULL AND array_position("requiredPermits", NULL) IS NULL
  AND array_to_string("requiredKbli", ',') ~ '^((0[1-9]|[1-9][0-9])[0-9]{3}(,(0[1-9]|[1-9][0-9])[0-9]{3})*)?$'
  AND (cardinality("requiredPermits") = 0
    OR array_to_string("requiredPermits", chr(31)) !~ ('(^|' || chr(31) || ')[[:space:]]*(' || chr(31) || '|$)'))
);

-- A decision without a person is the system's: only a Tender Cepat is evaluated by the
-- system (its qualification read from the verified profile, its price ranked), so a null
-- decidedById on any other tender's evaluation is refused.
ALTER TABLE "Evaluation" ALTER COLUMN "decidedById" DROP NOT NULL;

CREATE FUNCTION "Evaluation_system_only_tender_cepat"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."decidedById" IS NULL AND NOT EXISTS (
    SELECT 1 FROM "Tender" t WHERE t.id = NEW."tenderId" AND t.method = 'TENDER_CEPAT'
  ) THEN
    RAISE EXCEPTION 'an evaluation without decidedById is allowed only on a Tender Cepat'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Evaluation_system_only_tender_cepat';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Evaluation_system_only_tender_cepat"
  BEFORE INSERT OR UPDATE OF "decidedById", "tenderId" ON "Evaluation"
  FOR EACH ROW EXECUTE FUNCTION "Evaluation_system_only_tender_cepat"();
