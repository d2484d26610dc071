-- "Deadline soonest" within a fiscal year (docs/decisions/0015-public-list-at-scale.md): the
-- passed deadlines of an older year otherwise lie behind every later year's in the deadline
-- index, and the list walked past them all.
CREATE INDEX "Tender_paketFiscalYear_bidDeadline_idx" ON "Tender"("paketFiscalYear", "bidDeadline");
