-- Red flags (docs/decisions/0041): the repeat-winner flag counts a vendor's announced wins at
-- one agency in a window ending at an announcement, in the transaction of that announcement;
-- this index keeps that count to the agency's announcements of the window.
CREATE INDEX "Tender_paketAgencyId_announcedAt_idx" ON "Tender"("paketAgencyId", "announcedAt");
