-- The public tender list at 100,000 tenders (docs/decisions/0015-public-list-at-scale.md):
-- every filter, keyword, sort and page served by an index of "Tender". Expand only: new
-- columns, functions and indexes; nothing the previous release reads changes.

-- Trigram search (substring and typo) on the name and codes. pg_trgm is a trusted extension
-- (PostgreSQL 13+): the owner of the database creates it without superuser rights, and its
-- functions are executable by segel_app like any other.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What the list filters and sorts on, copied from the paket and the schedule into the
-- tender so one index can serve a filter with its order (a join across "Paket" cannot).
-- Written only by the triggers below, in the transaction that changes the source.
ALTER TABLE "Tender" ADD COLUMN "paketAgencyId" UUID;
ALTER TABLE "Tender" ADD COLUMN "paketFiscalYear" INTEGER;
ALTER TABLE "Tender" ADD COLUMN "paketCategory" "ProcurementCategory";
ALTER TABLE "Tender" ADD COLUMN "paketHps" BIGINT;
-- a copy of the paket's HPS, so the same ceiling as every rupiah column (decision 0014)
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_paketHps_rupiah" CHECK ("paketHps" >= 0 AND "paketHps" <= 9999999999999999);
-- the paket name, the tender code and the RUP code, one per line (a keyword never spans two)
ALTER TABLE "Tender" ADD COLUMN "searchText" TEXT;
-- the end of the bid upload window (the latest, should a schedule have two)
ALTER TABLE "Tender" ADD COLUMN "bidDeadline" TIMESTAMPTZ(3);
-- Indonesian has no PostgreSQL dictionary: 'simple' lower-cases and splits words, no stemming.
ALTER TABLE "Tender" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("searchText", ''))) STORED;

-- A tender's list columns, recomputed on every insert and update of the tender, whatever
-- the statement sets them to.
CREATE FUNCTION segel_tender_list_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p."agencyId", p."fiscalYear", p.category, p.hps, concat_ws(E'\n', p.name, NEW.code, p."rupCode")
    INTO NEW."paketAgencyId", NEW."paketFiscalYear", NEW."paketCategory", NEW."paketHps", NEW."searchText"
    FROM "Paket" p WHERE p.id = NEW."paketId";
  NEW."bidDeadline" := (SELECT max(s."endsAt") FROM "TenderStage" s
    WHERE s."tenderId" = NEW.id AND s.kind = 'UPLOAD_PENAWARAN');
  RETURN NEW;
END $$;
CREATE TRIGGER "Tender_list_columns" BEFORE INSERT OR UPDATE ON "Tender"
  FOR EACH ROW EXECUTE FUNCTION segel_tender_list_columns();

-- A change to what the list shows of a paket reaches its tenders (the trigger above reads it).
CREATE FUNCTION segel_paket_list_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tender" SET "paketId" = "paketId" WHERE "paketId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Paket_list_columns" AFTER UPDATE ON "Paket" FOR EACH ROW
  WHEN ((OLD.name, OLD."rupCode", OLD."agencyId", OLD."fiscalYear", OLD.category, OLD.hps)
    IS DISTINCT FROM (NEW.name, NEW."rupCode", NEW."agencyId", NEW."fiscalYear", NEW.category, NEW.hps))
  EXECUTE FUNCTION segel_paket_list_columns();

-- A change to a bid upload window reaches its tender's deadline; other stages leave it be.
CREATE FUNCTION segel_stage_bid_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tender uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."tenderId" ELSE NEW."tenderId" END;
  deadline timestamptz(3) := (SELECT max(s."endsAt") FROM "TenderStage" s
    WHERE s."tenderId" = tender AND s.kind = 'UPLOAD_PENAWARAN');
BEGIN
  UPDATE "Tender" SET "bidDeadline" = deadline WHERE id = tender AND "bidDeadline" IS DISTINCT FROM deadline;
  RETURN NULL;
END $$;
CREATE TRIGGER "TenderStage_bid_deadline_insert" AFTER INSERT ON "TenderStage" FOR EACH ROW
  WHEN (NEW.kind = 'UPLOAD_PENAWARAN') EXECUTE FUNCTION segel_stage_bid_deadline();
CREATE TRIGGER "TenderStage_bid_deadline_update" AFTER UPDATE ON "TenderStage" FOR EACH ROW
  WHEN ('UPLOAD_PENAWARAN' IN (OLD.kind, NEW.kind)) EXECUTE FUNCTION segel_stage_bid_deadline();
CREATE TRIGGER "TenderStage_bid_deadline_delete" AFTER DELETE ON "TenderStage" FOR EACH ROW
  WHEN (OLD.kind = 'UPLOAD_PENAWARAN') EXECUTE FUNCTION segel_stage_bid_deadline();

-- Tenders that exist already.
UPDATE "Tender" SET "paketId" = "paketId";

CREATE INDEX "Tender_paketId_idx" ON "Tender"("paketId");
-- "newest", alone and after each equality filter
CREATE INDEX "Tender_publishedAt_createdAt_id_idx" ON "Tender"("publishedAt" DESC, "createdAt" DESC, "id");
CREATE INDEX "Tender_paketFiscalYear_publishedAt_createdAt_id_idx" ON "Tender"("paketFiscalYear", "publishedAt" DESC, "createdAt" DESC, "id");
CREATE INDEX "Tender_paketAgencyId_publishedAt_createdAt_id_idx" ON "Tender"("paketAgencyId", "publishedAt" DESC, "createdAt" DESC, "id");
CREATE INDEX "Tender_paketCategory_publishedAt_createdAt_id_idx" ON "Tender"("paketCategory", "publishedAt" DESC, "createdAt" DESC, "id");
CREATE INDEX "Tender_method_publishedAt_createdAt_id_idx" ON "Tender"("method", "publishedAt" DESC, "createdAt" DESC, "id");
-- "HPS highest" and "HPS lowest" (each with tenders without an HPS last)
CREATE INDEX "Tender_paketHps_desc_idx" ON "Tender"("paketHps" DESC, "publishedAt" DESC, "createdAt" DESC, "id");
CREATE INDEX "Tender_paketHps_asc_idx" ON "Tender"("paketHps", "publishedAt" DESC, "createdAt" DESC, "id");
-- "deadline soonest": the open windows ascending, the passed ones descending, then none
CREATE INDEX "Tender_bidDeadline_publishedAt_createdAt_id_idx" ON "Tender"("bidDeadline", "publishedAt" DESC, "createdAt" DESC, "id");
-- keyword: whole words (full text) and any part of the name or codes (trigram)
CREATE INDEX "Tender_searchVector_idx" ON "Tender" USING GIN ("searchVector");
CREATE INDEX "Tender_searchText_idx" ON "Tender" USING GIN ("searchText" gin_trgm_ops);

-- "the stage running now": the windows of a kind that have not ended yet are few
CREATE INDEX "TenderStage_kind_endsAt_idx" ON "TenderStage"("kind", "endsAt");

-- the announcement page's participants, a page at a time in registration order
CREATE INDEX "TenderParticipant_tenderId_registeredAt_vendorId_idx" ON "TenderParticipant"("tenderId", "registeredAt", "vendorId");
