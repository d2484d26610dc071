-- A superseded decision keeps the figures of the decision it was (docs/decisions/0029), so
-- its rupiah columns hold the same ceiling as Evaluation's (docs/decisions/0014).
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_lifeCycleCost_rupiah" CHECK ("lifeCycleCost" >= 0 AND "lifeCycleCost" <= 9999999999999999);
ALTER TABLE "SupersededEvaluation" ADD CONSTRAINT "SupersededEvaluation_correctedPrice_rupiah" CHECK ("correctedPrice" >= 0 AND "correctedPrice" <= 9999999999999999);
