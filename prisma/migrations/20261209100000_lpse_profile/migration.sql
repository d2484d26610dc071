-- The LPSE's profile (issue 11): address, contact, website and logo beside the name and the
-- default time zone, edited by ADMIN_LPSE at /admin/profil and shown in the header, the
-- footer, e-mails and PDFs. The checks hold what the form and the use case check, for any
-- writer: the three zones of Indonesia, a PNG or JPEG logo whose key, type and hash come
-- together, bounded lengths.
ALTER TABLE "LpseInstance"
  ADD COLUMN "address" TEXT,
  ADD COLUMN "contactEmail" TEXT,
  ADD COLUMN "phone" TEXT,
  ADD COLUMN "website" TEXT,
  ADD COLUMN "logoStorageKey" TEXT,
  ADD COLUMN "logoMime" TEXT,
  ADD COLUMN "logoSha256" TEXT,
  ADD COLUMN "updatedAt" TIMESTAMPTZ(3);

ALTER TABLE "LpseInstance"
  ADD CONSTRAINT "LpseInstance_timeZone_check"
    CHECK ("timeZone" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
  ADD CONSTRAINT "LpseInstance_name_check" CHECK (length(btrim("name")) BETWEEN 1 AND 200),
  ADD CONSTRAINT "LpseInstance_profile_length_check" CHECK (
    coalesce(length("address"), 0) <= 500 AND coalesce(length("contactEmail"), 0) <= 254
    AND coalesce(length("phone"), 0) <= 30 AND coalesce(length("website"), 0) <= 200),
  ADD CONSTRAINT "LpseInstance_logo_check" CHECK (
    ("logoStorageKey" IS NULL AND "logoMime" IS NULL AND "logoSha256" IS NULL)
    OR ("logoStorageKey" IS NOT NULL AND "logoMime" IN ('image/png', 'image/jpeg')
        AND "logoSha256" ~ '^[0-9a-f]{64}$'));
