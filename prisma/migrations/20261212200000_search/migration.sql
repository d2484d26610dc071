-- Search as people type it (issue 14, item 2; docs/decisions/0015 for the list it extends):
-- accents and case ignored, the paket's location and HPS range as filters, an exact RUP code
-- found by index, and non-tender records searched the same way. Expand only: new columns,
-- functions, triggers and indexes; what the previous release reads keeps its meaning, except
-- that "searchText" now holds the folded text (it is only ever searched, never shown).

-- unaccent is a trusted extension (PostgreSQL 13+), created by the owner like pg_trgm.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- How a text is folded for search, in one place: lower case, accents removed ("Café" and
-- "cafe" alike). unaccent() is STABLE (its rules file could change), so this is not marked
-- IMMUTABLE and no index is built on it: the triggers below store the folded text and the
-- indexes cover that column. Should the rules ever change, rewriting the rows
-- (`UPDATE "Tender" SET "paketId" = "paketId"`) refolds them; an index over a falsely
-- IMMUTABLE wrapper would silently stop finding rows instead. The keyword is folded by the
-- same function in the query.
CREATE FUNCTION segel_search_fold(text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT lower(unaccent($1)) $$;

-- The paket's location (folded, searched for any part) and RUP code (as written, for an
-- exact code to come first), copied like the other list columns.
ALTER TABLE "Tender" ADD COLUMN "paketLocation" TEXT;
ALTER TABLE "Tender" ADD COLUMN "paketRupCode" TEXT;

CREATE OR REPLACE FUNCTION segel_tender_list_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."agencyId", p."fiscalYear", p.category, p.hps,
      segel_search_fold(concat_ws(E'\n', p.name, NEW.code, p."rupCode")), segel_search_fold(p.location), p."rupCode"
    INTO NEW."paketAgencyId", NEW."paketFiscalYear", NEW."paketCategory", NEW."paketHps", NEW."searchText",
      NEW."paketLocation", NEW."paketRupCode"
    FROM "Paket" p WHERE p.id = NEW."paketId";
  NEW."bidDeadline" := (SELECT max(s."endsAt") FROM "TenderStage" s
    WHERE s."tenderId" = NEW.id AND s.kind = 'UPLOAD_PENAWARAN');
  RETURN NEW;
END $$;

-- A paket's location now reaches its tenders too (the function itself is unchanged).
DROP TRIGGER "Paket_list_columns" ON "Paket";
CREATE TRIGGER "Paket_list_columns" AFTER UPDATE ON "Paket" FOR EACH ROW
  WHEN ((OLD.name, OLD."rupCode", OLD."agencyId", OLD."fiscalYear", OLD.category, OLD.hps, OLD.location)
    IS DISTINCT FROM (NEW.name, NEW."rupCode", NEW."agencyId", NEW."fiscalYear", NEW.category, NEW.hps, NEW.location))
  EXECUTE FUNCTION segel_paket_list_columns();

UPDATE "Tender" SET "paketId" = "paketId";

-- location: any part of it (trigram, like the keyword)
CREATE INDEX "Tender_paketLocation_idx" ON "Tender" USING GIN ("paketLocation" gin_trgm_ops);
-- an exact RUP code (the tender code has its unique index already)
CREATE INDEX "Tender_paketRupCode_idx" ON "Tender"("paketRupCode");

-- Non-tender records: their name, RUP code, vendor and agency, folded, one per line.
ALTER TABLE "NonTenderRecord" ADD COLUMN "searchText" TEXT;
ALTER TABLE "NonTenderRecord" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("searchText", ''))) STORED;

CREATE FUNCTION segel_non_tender_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := segel_search_fold(concat_ws(E'\n', NEW.name, NEW."rupCode", NEW."vendorName",
    (SELECT a.name FROM "Agency" a WHERE a.id = NEW."agencyId")));
  RETURN NEW;
END $$;
CREATE TRIGGER "NonTenderRecord_search_text" BEFORE INSERT OR UPDATE ON "NonTenderRecord"
  FOR EACH ROW EXECUTE FUNCTION segel_non_tender_search_text();

-- A renamed agency reaches the records that name it.
CREATE FUNCTION segel_agency_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "NonTenderRecord" SET "agencyId" = "agencyId" WHERE "agencyId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Agency_search_text" AFTER UPDATE ON "Agency" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION segel_agency_search_text();

UPDATE "NonTenderRecord" SET "agencyId" = "agencyId";

CREATE INDEX "NonTenderRecord_searchVector_idx" ON "NonTenderRecord" USING GIN ("searchVector");
CREATE INDEX "NonTenderRecord_searchText_idx" ON "NonTenderRecord" USING GIN ("searchText" gin_trgm_ops);
-- newest realisation first, the order of the search's section
CREATE INDEX "NonTenderRecord_realizedOn_recordedAt_id_idx" ON "NonTenderRecord"("realizedOn" DESC, "recordedAt" DESC, "id");

-- Typos. Every word of five letters or more that a tender or a non-tender record is found by
-- (folded, letters only), once. A typed word is compared with these few thousand words
-- (trigram similarity, this table's GIN index) and its near spellings are then looked for
-- by the full-text indexes: comparing it with every tender's whole text instead recomputes
-- a similarity for each of thousands of candidate rows (430 ms for "pembanguan jalan" at
-- 100,000 tenders). Words are only added, never removed: a word no row has any more finds
-- nothing. Written only by the triggers below; segel_app inserts through them.
CREATE TABLE "SearchWord" (
  "word" TEXT NOT NULL,
  CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

CREATE FUNCTION segel_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" (word)
    SELECT w FROM unnest(tsvector_to_array(NEW."searchVector")) w WHERE w ~ '^[[:alpha:]]{5,}$'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "Tender_search_words_insert" AFTER INSERT ON "Tender" FOR EACH ROW
  EXECUTE FUNCTION segel_search_words();
CREATE TRIGGER "Tender_search_words_update" AFTER UPDATE ON "Tender" FOR EACH ROW
  WHEN (OLD."searchText" IS DISTINCT FROM NEW."searchText") EXECUTE FUNCTION segel_search_words();
CREATE TRIGGER "NonTenderRecord_search_words_insert" AFTER INSERT ON "NonTenderRecord" FOR EACH ROW
  EXECUTE FUNCTION segel_search_words();
CREATE TRIGGER "NonTenderRecord_search_words_update" AFTER UPDATE ON "NonTenderRecord" FOR EACH ROW
  WHEN (OLD."searchText" IS DISTINCT FROM NEW."searchText") EXECUTE FUNCTION segel_search_words();

INSERT INTO "SearchWord" (word)
  SELECT word FROM ts_stat('SELECT "searchVector" FROM "Tender" UNION ALL SELECT "searchVector" FROM "NonTenderRecord"')
  WHERE word ~ '^[[:alpha:]]{5,}$'
  ON CONFLICT DO NOTHING;
