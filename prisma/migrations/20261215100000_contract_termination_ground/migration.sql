-- The PPK's termination names its ground (Perpres 16/2018 Pasal 93 ayat (1) jo. Perpres 12/2021,
-- cited from memory; docs/decisions/0042).

-- CreateEnum
CREATE TYPE "TerminationGround" AS ENUM ('KEBUTUHAN_TIDAK_DAPAT_DITUNDA', 'TIDAK_MAMPU_MENYELESAIKAN', 'TIDAK_SELESAI_SETELAH_KESEMPATAN', 'LALAI_CIDERA_JANJI', 'KKN_KECURANGAN_PEMALSUAN', 'PENGADUAN_TERBUKTI', 'KEADAAN_KAHAR');

-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "terminationGround" "TerminationGround";

-- A terminated contract has a ground, and only a terminated one. NOT VALID instead of a cut-off
-- date literal: the contracts terminated before this migration keep their null ground (nobody
-- can name it after the fact), and every row written from now on is checked. A date literal
-- would let a writer whose clock (or segel_now()'s test offset) lies before it skip the rule;
-- NOT VALID needs no clock. No use case writes a terminated contract again, so the old rows
-- are never refused.
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_termination_ground" CHECK (
  CASE WHEN "status" = 'TERMINATED' THEN "terminationGround" IS NOT NULL ELSE "terminationGround" IS NULL END
) NOT VALID;
