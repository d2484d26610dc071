-- Issue 15's rupiah columns up to decision 0014's ceiling, as every other rupiah column is
-- (tests/integration/rupiah-ceiling.int.test.ts finds any BIGINT rupiah column without one).
ALTER TABLE "Negotiation"
  ADD CONSTRAINT "Negotiation_agreedPrice_rupiah" CHECK ("agreedPrice" IS NULL OR "agreedPrice" <= 9999999999999999);

ALTER TABLE "Contract"
  ADD CONSTRAINT "Contract_rupiah" CHECK (
    ("originalValue" <= 9999999999999999) AND ("value" <= 9999999999999999) AND ("hps" <= 9999999999999999)
    AND ("bondAmount" <= 9999999999999999));

ALTER TABLE "ContractTermin"
  ADD CONSTRAINT "ContractTermin_rupiah" CHECK (
    ("amount" <= 9999999999999999) AND ("paidAmount" IS NULL OR "paidAmount" <= 9999999999999999));

ALTER TABLE "ContractAddendum"
  ADD CONSTRAINT "ContractAddendum_rupiah" CHECK (
    ("valueBefore" <= 9999999999999999) AND ("valueAfter" <= 9999999999999999));
