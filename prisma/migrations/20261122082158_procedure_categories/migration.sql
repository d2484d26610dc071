-- AlterTable
ALTER TABLE "ProcedureConfig" ADD COLUMN     "categories" "ProcurementCategory"[];

-- AlterTable
ALTER TABLE "Tender" ADD COLUMN     "deadlineExtensions" INTEGER NOT NULL DEFAULT 0;
