-- A vendor's page lists its saved searches by vendor, and removing a vendor cascades to them.
-- CreateIndex
CREATE INDEX "SavedSearch_vendorId_idx" ON "SavedSearch"("vendorId");
