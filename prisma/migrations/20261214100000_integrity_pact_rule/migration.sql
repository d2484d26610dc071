-- The pakta integritas is part of every bid (etika pengadaan, Perpres 16/2018 jo. 12/2021
-- Pasal 7; decision 0042 section C). submitBid refuses a bid without it and stamps
-- Bid."integrityPactAt"; PostgreSQL now holds the same rule for any writer.
--
-- A bid submitted before this migration ran carries no pact (issue 15 added it), and the
-- transfer module moves such old bids in with their history: they stay acceptable. The
-- cutoff is the moment this migration ran, embedded in the function as a literal
-- (format %L), so the rule needs no table and no setting.
DO $migration$
BEGIN
  EXECUTE format($function$
    CREATE FUNCTION "Bid_integrity_pact_required"() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      IF NEW."integrityPactAt" IS NULL AND NEW."submittedAt" >= %1$L::timestamptz THEN
        RAISE EXCEPTION 'a bid submitted from %2$s on must carry its pakta integritas (integrityPactAt)'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'Bid_integrity_pact_required';
      END IF;
      RETURN NEW;
    END $body$;
  $function$, now(), now());
END $migration$;

CREATE TRIGGER "Bid_integrity_pact_required"
  BEFORE INSERT ON "Bid"
  FOR EACH ROW EXECUTE FUNCTION "Bid_integrity_pact_required"();

-- The pact accepted is never undone: a stamped "integrityPactAt" does not change or go.
CREATE FUNCTION "Bid_integrity_pact_kept"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."integrityPactAt" IS NOT NULL AND NEW."integrityPactAt" IS DISTINCT FROM OLD."integrityPactAt" THEN
    RAISE EXCEPTION 'the pakta integritas of a bid (integrityPactAt) is never changed or removed'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Bid_integrity_pact_kept';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Bid_integrity_pact_kept"
  BEFORE UPDATE OF "integrityPactAt" ON "Bid"
  FOR EACH ROW EXECUTE FUNCTION "Bid_integrity_pact_kept"();
