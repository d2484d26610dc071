-- Vendors (issue 11, item 6): the time of a rejection, so a second decision on the same
-- company (a double click, two Verifikator at once) is answered with who decided and
-- when; verifiedById already names the Verifikator of either decision. No CHECK ties it to
-- the status: the previous release re-submits a rejected vendor without clearing it, and
-- it still serves while this migration runs (docs/decisions/0018).
ALTER TABLE "Vendor" ADD COLUMN "rejectedAt" TIMESTAMPTZ(3);
