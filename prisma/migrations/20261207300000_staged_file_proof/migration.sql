-- Staged files are proven openable at upload and the proof is bound to the row with a MAC
-- (docs/decisions/0005-sealed-bids.md); a bid counts as received when its submit request
-- arrived (docs/decisions/0020-bid-received-instant.md). Expand only: both columns are
-- nullable, so the previous release keeps inserting rows without them.

-- HMAC-SHA256 (key derived from the instance key) over every field the opening reads.
-- NULL on rows staged before this release: submit refuses them and asks for a new upload.
ALTER TABLE "BidFile" ADD COLUMN "proofMac" BYTEA;
ALTER TABLE "BidFile" ADD CONSTRAINT "BidFile_proofMac_length" CHECK ("proofMac" IS NULL OR octet_length("proofMac") = 32);

-- The instant the submit request arrived at Segel, by the database clock: the deadline is
-- judged on it. It cannot be after the instant the bid was recorded.
ALTER TABLE "Bid" ADD COLUMN "receivedAt" TIMESTAMPTZ(3);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_received_before_recorded" CHECK ("receivedAt" IS NULL OR "receivedAt" <= "submittedAt");

