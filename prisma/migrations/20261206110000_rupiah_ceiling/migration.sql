-- Every rupiah column holds an amount from 0 (or 1 where zero means nothing) up to
-- 9999999999999999, Segel's rupiah ceiling (src/lib/rupiah-schema.ts, RUPIAH_CEILING;
-- configuration, not law: docs/decisions/0014-rupiah-ceiling.md). The application refuses
-- such amounts with a message first; these constraints hold the invariant for every
-- writer, including one that bypasses the application.

ALTER TABLE "VendorExperience" ADD CONSTRAINT "VendorExperience_contractValue_rupiah" CHECK ("contractValue" > 0 AND "contractValue" <= 9999999999999999);
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_pagu_rupiah" CHECK ("pagu" > 0 AND "pagu" <= 9999999999999999);
ALTER TABLE "Paket" ADD CONSTRAINT "Paket_hps_rupiah" CHECK ("hps" >= 0 AND "hps" <= 9999999999999999);
-- A line of the HPS: its unit price and its total (volume x harga satuan), in numeric so
-- the product itself cannot overflow while it is checked.
ALTER TABLE "HpsItem" ADD CONSTRAINT "HpsItem_unitPrice_rupiah" CHECK ("unitPrice" >= 0 AND "quantity"::numeric * "unitPrice" <= 9999999999999999);
ALTER TABLE "Tender" ADD CONSTRAINT "Tender_bidSecurityAmount_rupiah" CHECK ("bidSecurityAmount" >= 0 AND "bidSecurityAmount" <= 9999999999999999);
ALTER TABLE "MethodRule" ADD CONSTRAINT "MethodRule_limit_rupiah" CHECK ("limit" > 0 AND "limit" <= 9999999999999999);
ALTER TABLE "DirectProcurement" ADD CONSTRAINT "DirectProcurement_quotedPrice_rupiah" CHECK ("quotedPrice" > 0 AND "quotedPrice" <= 9999999999999999);
ALTER TABLE "DirectProcurement" ADD CONSTRAINT "DirectProcurement_negotiatedPrice_rupiah" CHECK ("negotiatedPrice" > 0 AND "negotiatedPrice" <= 9999999999999999);
ALTER TABLE "DirectProcurement" ADD CONSTRAINT "DirectProcurement_contractValue_rupiah" CHECK ("contractValue" > 0 AND "contractValue" <= 9999999999999999);
ALTER TABLE "NonTenderRecord" ADD CONSTRAINT "NonTenderRecord_value_rupiah" CHECK ("value" > 0 AND "value" <= 9999999999999999);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_openedPrice_rupiah" CHECK ("openedPrice" > 0 AND "openedPrice" <= 9999999999999999);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_correctedPrice_rupiah" CHECK ("correctedPrice" >= 0 AND "correctedPrice" <= 9999999999999999);
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_lifeCycleCost_rupiah" CHECK ("lifeCycleCost" >= 0 AND "lifeCycleCost" <= 9999999999999999);
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_correctedPrice_rupiah" CHECK ("correctedPrice" >= 0 AND "correctedPrice" <= 9999999999999999);
ALTER TABLE "Sanggah" ADD CONSTRAINT "Sanggah_bondAmount_rupiah" CHECK ("bondAmount" >= 0 AND "bondAmount" <= 9999999999999999);
