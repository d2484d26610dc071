-- A tender moved whole to another LPSE (issue 13, docs/decisions/0040). Its own migration:
-- PostgreSQL may not use an enum value in the transaction that added it, and the next
-- migration's CHECK names it.
ALTER TYPE "TenderStatus" ADD VALUE 'TRANSFERRED';
