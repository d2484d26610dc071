-- Issue 15 (helper B): a Tender Cepat's bid is its price alone (its bidders are qualified in
-- SIKaP, Perpres 16/2018 Pasal 38 ayat (6)), as DEFAULT_PROCEDURES seeds a new installation
-- (src/modules/tenders/domain/procedure.ts). Migration 20261213100000 gave every existing
-- procedure row the column's default of four parts; this corrects the Tender Cepat row of an
-- installation made before it, only while it still holds that default, so an administrator's
-- own choice is never overwritten. Data only: no schema change.
UPDATE "ProcedureConfig"
SET "bidParts" = ARRAY['HARGA']::"BidPart"[]
WHERE "key" = 'tender-cepat'
  AND "bidParts" = ARRAY['ADMINISTRASI', 'KUALIFIKASI', 'TEKNIS', 'HARGA']::"BidPart"[];
