-- Organisation (issue 11): agencies, their people and their roles are managed in Segel.
-- A role now carries its decree (SK), its validity and its revocation; a revoked role stays
-- as history instead of being deleted (docs/decisions/0032).

-- An agency's time zone is one of Indonesia's three, WIB, WITA and WIT (Keppres 41/1987).
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_timeZone_check"
    CHECK ("timeZone" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));

ALTER TABLE "RoleMembership"
    ADD COLUMN "grantedById" UUID,
    ADD COLUMN "skNumber" TEXT,
    ADD COLUMN "validFrom" TIMESTAMPTZ(3),
    ADD COLUMN "validUntil" TIMESTAMPTZ(3),
    ADD COLUMN "revokedAt" TIMESTAMPTZ(3),
    ADD COLUMN "revokedById" UUID;

ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A validity that ends before it begins is a typing error, never a role.
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_validity_check"
    CHECK ("validFrom" IS NULL OR "validUntil" IS NULL OR "validUntil" > "validFrom");
-- A revocation names who revoked.
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_revocation_check"
    CHECK (("revokedAt" IS NULL) = ("revokedById" IS NULL));
-- Agency roles belong to one agency; the LPSE's own roles and the vendor's to none.
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_scope_check"
    CHECK (("agencyId" IS NOT NULL) = ("role" IN ('ADMIN_AGENCY', 'PPK', 'POKJA', 'PEJABAT_PENGADAAN', 'KPA')));
ALTER TABLE "RoleMembership" ADD CONSTRAINT "RoleMembership_skNumber_check"
    CHECK ("skNumber" IS NULL OR length("skNumber") BETWEEN 1 AND 100);

-- One unrevoked grant of a role per user and agency (per user for an instance-wide role:
-- NULLS NOT DISTINCT); a revoked one is history and may be granted again.
DROP INDEX "RoleMembership_userId_role_agencyId_key";
CREATE UNIQUE INDEX "RoleMembership_one_unrevoked_grant" ON "RoleMembership"("userId", "role", "agencyId") NULLS NOT DISTINCT WHERE "revokedAt" IS NULL;
CREATE INDEX "RoleMembership_userId_idx" ON "RoleMembership"("userId");

-- The Pokja's decree (SK Pokja Pemilihan): number and date together. Pokja formed before
-- this migration have neither; new ones are formed with both.
ALTER TABLE "Pokja" ADD COLUMN "skNumber" TEXT, ADD COLUMN "skDate" DATE;
ALTER TABLE "Pokja" ADD CONSTRAINT "Pokja_sk_check"
    CHECK (("skNumber" IS NULL) = ("skDate" IS NULL) AND ("skNumber" IS NULL OR length("skNumber") BETWEEN 1 AND 100));
