-- AlterTable
ALTER TABLE "ScheduleChange" ALTER COLUMN "changedById" DROP NOT NULL;
