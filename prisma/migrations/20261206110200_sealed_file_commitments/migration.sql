-- A bid file commits to its content with a salt sealed inside its envelope (decision
-- 0005): the plain SHA-256 of the content and the original name are no longer kept in
-- clear. Files sealed before keep their plain SHA-256 as their commitment (the opening
-- reads both); their names stay in the signed receipts of their bids.
ALTER TABLE "BidFile" RENAME COLUMN "sha256" TO "commitment";
ALTER TABLE "BidFile" DROP COLUMN "fileName";
