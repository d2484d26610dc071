-- The names the public reads (the announcement, the OCDS parties: docs/decisions/0041) are never
-- empty or blank, for every writer: the forms ask for them, and an OCDS party without a name is
-- not valid. NOT VALID: a row written before is not checked now (an upgrade must not stop on
-- it), every new or changed row is.
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_name_check" CHECK ("name" ~ '[^[:space:]]') NOT VALID;
ALTER TABLE "WorkUnit" ADD CONSTRAINT "WorkUnit_name_check" CHECK ("name" ~ '[^[:space:]]') NOT VALID;
ALTER TABLE "Pokja" ADD CONSTRAINT "Pokja_name_check" CHECK ("name" ~ '[^[:space:]]') NOT VALID;
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_name_check" CHECK ("name" ~ '[^[:space:]]') NOT VALID;
