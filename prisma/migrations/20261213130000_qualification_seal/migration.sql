-- Issue 15 (helper C): what the opening can find wrong with a bid's sealed qualification
-- form, recorded as a defect like a price's (docs/decisions/0042, section C). A defect
-- rejects nothing by itself: the Pokja evaluates with it in view (decision 0007).
ALTER TYPE "BidDefectCode" ADD VALUE 'QUALIFICATION_UNOPENABLE';
ALTER TYPE "BidDefectCode" ADD VALUE 'QUALIFICATION_MALFORMED';
ALTER TYPE "BidDefectCode" ADD VALUE 'QUALIFICATION_COMMITMENT_MISMATCH';
