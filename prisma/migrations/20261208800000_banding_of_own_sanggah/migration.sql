-- A sanggah banding appeals a sanggah of the same vendor on the same tender. The use case
-- checked it; now the foreign key carries the tender and the vendor, so PostgreSQL refuses
-- a banding of another vendor's sanggah or of a sanggah on another tender (issue 10).
ALTER TABLE "Sanggah" DROP CONSTRAINT "Sanggah_appealOfId_fkey";

CREATE UNIQUE INDEX "Sanggah_appealOfId_tenderId_vendorId_key" ON "Sanggah"("appealOfId", "tenderId", "vendorId");

ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_appealOfId_tenderId_vendorId_fkey" FOREIGN KEY ("appealOfId", "tenderId", "vendorId") REFERENCES "Sanggah"("id", "tenderId", "vendorId") ON DELETE RESTRICT ON UPDATE CASCADE;
