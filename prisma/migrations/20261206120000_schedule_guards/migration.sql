-- A running bid window cannot be cut short (docs/decisions/0012-schedule-guards.md).

-- The minimum each stage had when its schedule was set, and PostgreSQL's own guard on it.
ALTER TABLE "TenderStage" ADD COLUMN "minHours" INTEGER NOT NULL DEFAULT 0;
-- A stage may shrink to an instant (a winner announced before its scheduled stage ends the
-- stages before masa sanggah at that moment), never end before it starts.
ALTER TABLE "TenderStage" ADD CONSTRAINT "TenderStage_ends_after_start" CHECK ("endsAt" >= "startsAt");
ALTER TABLE "TenderStage" ADD CONSTRAINT "TenderStage_min_length"
  CHECK ("minHours" >= 0 AND "endsAt" - "startsAt" >= make_interval(hours => "minHours"));

-- The time bidders keep after an addendum, with its basis.
ALTER TABLE "ProcedureConfig" ADD COLUMN "addendumMinHours" INTEGER NOT NULL DEFAULT 96;
ALTER TABLE "ProcedureConfig" ADD COLUMN "addendumMinBasis" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ProcedureConfig" ALTER COLUMN "addendumMinBasis" DROP DEFAULT;
ALTER TABLE "ProcedureConfig" ADD CONSTRAINT "ProcedureConfig_addendumMinHours_range" CHECK ("addendumMinHours" BETWEEN 0 AND 8760);

-- Existing installations get the shipped defaults (src/modules/tenders/domain/procedure.ts):
-- every stage gains minHours and basis; tenders already scheduled keep minHours 0.
UPDATE "ProcedureConfig" SET "addendumMinHours" = CASE WHEN key IN ('tender-cepat', 'pengadaan-langsung') THEN 24 ELSE 96 END,
  "addendumMinBasis" = 'Konfigurasi, bukan ketentuan hukum: Perlem LKPP 12/2021 meminta Pokja memperpanjang batas akhir penawaran bila adendum membutuhkan tambahan waktu, tanpa angka; 4 hari mengikuti aturan Prozorro.';

UPDATE "ProcedureConfig" p SET stages = (
  SELECT jsonb_agg(x.e || jsonb_build_object('minHours', m.h, 'basis', CASE
      WHEN m.h = 0 THEN 'Tanpa lama minimal (konfigurasi, bukan ketentuan hukum).'
      WHEN x.e->>'kind' IN ('MASA_SANGGAH', 'SANGGAH_BANDING') THEN 'Perpres 16/2018 jo. Perpres 12/2021; Perlem LKPP 12/2021: masa sanggah dan sanggah banding 5 hari kalender.'
      ELSE 'Konfigurasi, bukan ketentuan hukum: Perpres 16/2018 jo. Perpres 12/2021 dan Perpres 46/2025 serta Perlem LKPP 12/2021 tidak menetapkan lama minimal tahap ini; nilai dipilih hati-hati.'
    END) ORDER BY x.ord)
  FROM jsonb_array_elements(p.stages) WITH ORDINALITY AS x(e, ord)
  CROSS JOIN LATERAL (SELECT CASE
      WHEN x.e->>'kind' IN ('MASA_SANGGAH', 'SANGGAH_BANDING') THEN 120
      WHEN p.key = 'tender-cepat' AND x.e->>'kind' = 'PENGUMUMAN' THEN 24
      WHEN p.key = 'tender-cepat' AND x.e->>'kind' = 'UPLOAD_PENAWARAN' THEN 72
      WHEN p.key = 'pengadaan-langsung' AND x.e->>'kind' = 'UPLOAD_PENAWARAN' THEN 24
      WHEN p.key = 'pengadaan-langsung' THEN 0
      WHEN x.e->>'kind' IN ('PENGUMUMAN', 'PRAKUALIFIKASI', 'SANGGAH_PRAKUALIFIKASI') THEN 72
      WHEN x.e->>'kind' = 'PEMBERIAN_PENJELASAN' THEN 24
      WHEN x.e->>'kind' = 'UPLOAD_PENAWARAN' THEN 120
      ELSE 0
    END AS h) m
)
WHERE jsonb_typeof(p.stages) = 'array' AND jsonb_array_length(p.stages) > 0 AND NOT (p.stages -> 0 ? 'minHours');
