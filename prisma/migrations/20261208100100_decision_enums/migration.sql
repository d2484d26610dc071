-- Decisions as named values instead of nullable booleans (docs/decisions/0022): a sanggah
-- or banding is ACCEPTED or REJECTED, a request for penunjukan langsung APPROVED or
-- REFUSED; null still means "not decided yet".
--
-- Expand only (docs/decisions/0018): the previous release reads and writes "isAccepted"
-- and "isApproved", so they stay for one release, kept equal to "decision" by a trigger
-- whichever release writes: a write of the boolean alone (the previous release) sets the
-- decision, any other write sets the boolean from the decision. The contract migration of
-- the next release drops both booleans and both triggers.

CREATE TYPE "SanggahDecision" AS ENUM ('ACCEPTED', 'REJECTED');
CREATE TYPE "PenunjukanDecision" AS ENUM ('APPROVED', 'REFUSED');

ALTER TABLE "Sanggah" ADD COLUMN "decision" "SanggahDecision";
ALTER TABLE "PenunjukanLangsung" ADD COLUMN "decision" "PenunjukanDecision";

UPDATE "Sanggah" SET "decision" = CASE "isAccepted" WHEN true THEN 'ACCEPTED'::"SanggahDecision" ELSE 'REJECTED' END
WHERE "isAccepted" IS NOT NULL;
UPDATE "PenunjukanLangsung" SET "decision" = CASE "isApproved" WHEN true THEN 'APPROVED'::"PenunjukanDecision" ELSE 'REFUSED' END
WHERE "isApproved" IS NOT NULL;

CREATE FUNCTION segel_sanggah_decision_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."decision" IS NULL)
     OR (TG_OP = 'UPDATE' AND NEW."decision" IS NOT DISTINCT FROM OLD."decision" AND NEW."isAccepted" IS DISTINCT FROM OLD."isAccepted") THEN
    NEW."decision" := CASE NEW."isAccepted" WHEN true THEN 'ACCEPTED'::"SanggahDecision" WHEN false THEN 'REJECTED'::"SanggahDecision" END;
  END IF;
  NEW."isAccepted" := CASE NEW."decision" WHEN 'ACCEPTED' THEN true WHEN 'REJECTED' THEN false END;
  RETURN NEW;
END $$;
CREATE TRIGGER "Sanggah_decision_sync" BEFORE INSERT OR UPDATE ON "Sanggah"
FOR EACH ROW EXECUTE FUNCTION segel_sanggah_decision_sync();

CREATE FUNCTION segel_penunjukan_decision_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW."decision" IS NULL)
     OR (TG_OP = 'UPDATE' AND NEW."decision" IS NOT DISTINCT FROM OLD."decision" AND NEW."isApproved" IS DISTINCT FROM OLD."isApproved") THEN
    NEW."decision" := CASE NEW."isApproved" WHEN true THEN 'APPROVED'::"PenunjukanDecision" WHEN false THEN 'REFUSED'::"PenunjukanDecision" END;
  END IF;
  NEW."isApproved" := CASE NEW."decision" WHEN 'APPROVED' THEN true WHEN 'REFUSED' THEN false END;
  RETURN NEW;
END $$;
CREATE TRIGGER "PenunjukanLangsung_decision_sync" BEFORE INSERT OR UPDATE ON "PenunjukanLangsung"
FOR EACH ROW EXECUTE FUNCTION segel_penunjukan_decision_sync();
