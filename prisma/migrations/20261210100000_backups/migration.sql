-- Backups (issue 12, docs/decisions/0039): the worker's record of each base backup and
-- restore drill, and the alerts it raised. The sets themselves live under SEGEL_BACKUP_DIR;
-- these rows are what /admin/cadangan shows and what the job decides from (is a backup due,
-- is a drill due, which alert is open).

CREATE TYPE "BackupRunStatus" AS ENUM ('RUNNING', 'COMPLETE', 'FAILED', 'EXPIRED');
CREATE TYPE "DrillTrigger" AS ENUM ('SCHEDULE', 'AFTER_BACKUP', 'REQUEST', 'START');
CREATE TYPE "DrillStatus" AS ENUM ('REQUESTED', 'RUNNING', 'PASSED', 'FAILED');
CREATE TYPE "BackupAlertKind" AS ENUM ('ARCHIVE_FAILING', 'BACKUP_STALE', 'BACKUP_FAILED', 'DRILL_FAILED', 'DRILL_STALE', 'DISK_LOW', 'STORE_COPY_FAILING');

CREATE TABLE "BackupRun" (
    "id" TEXT NOT NULL,
    "status" "BackupRunStatus" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "sizeBytes" BIGINT,
    "dataFiles" INTEGER,
    "storeObjects" INTEGER,
    "restorePointTime" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "error" TEXT,
    "manifestSha256" TEXT,

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id"),
    -- the set's folder name under base/ (src/modules/backup/domain/layout.ts)
    CONSTRAINT "BackupRun_id_check" CHECK ("id" ~ '^\d{8}T\d{6}Z$'),
    -- a finished run has its end; a running one has none
    CONSTRAINT "BackupRun_finishedAt_check" CHECK (("status" = 'RUNNING') = ("finishedAt" IS NULL) AND ("finishedAt" IS NULL OR "finishedAt" >= "startedAt")),
    -- a complete set has its figures and its manifest's hash; a failed one says why
    CONSTRAINT "BackupRun_complete_check" CHECK ("status" NOT IN ('COMPLETE', 'EXPIRED') OR ("sizeBytes" IS NOT NULL AND "dataFiles" IS NOT NULL AND "storeObjects" IS NOT NULL AND "restorePointTime" IS NOT NULL AND "manifestSha256" IS NOT NULL)),
    CONSTRAINT "BackupRun_error_check" CHECK ("status" <> 'FAILED' OR "error" IS NOT NULL),
    CONSTRAINT "BackupRun_figures_check" CHECK ("sizeBytes" >= 0 AND "dataFiles" >= 0 AND "storeObjects" >= 0 AND "durationMs" >= 0),
    CONSTRAINT "BackupRun_manifestSha256_check" CHECK ("manifestSha256" ~ '^[0-9a-f]{64}$')
);

CREATE INDEX "BackupRun_startedAt_idx" ON "BackupRun"("startedAt");
-- one base backup at a time, whichever worker takes it (the job's advisory lock is the first guard)
CREATE UNIQUE INDEX "BackupRun_one_running" ON "BackupRun"((true)) WHERE "status" = 'RUNNING';

CREATE TABLE "RestoreDrill" (
    "id" UUID NOT NULL,
    "backupRunId" TEXT,
    "setId" TEXT,
    "trigger" "DrillTrigger" NOT NULL,
    "status" "DrillStatus" NOT NULL,
    "requestedById" UUID,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "figures" JSONB,
    "failureCheck" TEXT,
    "failureDetail" TEXT,

    CONSTRAINT "RestoreDrill_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RestoreDrill_setId_check" CHECK ("setId" ~ '^\d{8}T\d{6}Z$'),
    -- only a request from the page names who asked
    CONSTRAINT "RestoreDrill_requestedBy_check" CHECK ("trigger" = 'REQUEST' OR "requestedById" IS NULL),
    -- each status with its stamps: asked, running since, finished at
    CONSTRAINT "RestoreDrill_stamps_check" CHECK (
      ("status" = 'REQUESTED' AND "startedAt" IS NULL AND "finishedAt" IS NULL)
      OR ("status" = 'RUNNING' AND "startedAt" IS NOT NULL AND "finishedAt" IS NULL)
      OR ("status" IN ('PASSED', 'FAILED') AND "startedAt" IS NOT NULL AND "finishedAt" >= "startedAt")),
    CONSTRAINT "RestoreDrill_startedAt_check" CHECK ("startedAt" >= "requestedAt"),
    -- a failed drill names the first check that failed; a passed one names none
    CONSTRAINT "RestoreDrill_failure_check" CHECK (("status" = 'FAILED') = ("failureCheck" IS NOT NULL)),
    CONSTRAINT "RestoreDrill_durationMs_check" CHECK ("durationMs" >= 0)
);

CREATE INDEX "RestoreDrill_requestedAt_idx" ON "RestoreDrill"("requestedAt");
CREATE INDEX "RestoreDrill_backupRunId_idx" ON "RestoreDrill"("backupRunId");
CREATE INDEX "RestoreDrill_requestedById_idx" ON "RestoreDrill"("requestedById");
-- one drill running, and one waiting, at a time: a second click finds the first request
CREATE UNIQUE INDEX "RestoreDrill_one_running" ON "RestoreDrill"((true)) WHERE "status" = 'RUNNING';
CREATE UNIQUE INDEX "RestoreDrill_one_requested" ON "RestoreDrill"((true)) WHERE "status" = 'REQUESTED';

ALTER TABLE "RestoreDrill" ADD CONSTRAINT "RestoreDrill_backupRunId_fkey" FOREIGN KEY ("backupRunId") REFERENCES "BackupRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "RestoreDrill" ADD CONSTRAINT "RestoreDrill_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "BackupAlert" (
    "id" UUID NOT NULL,
    "kind" "BackupAlertKind" NOT NULL,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "detail" TEXT NOT NULL,

    CONSTRAINT "BackupAlert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BackupAlert_closedAt_check" CHECK ("closedAt" >= "openedAt")
);

CREATE INDEX "BackupAlert_openedAt_idx" ON "BackupAlert"("openedAt");
-- an alert opens once per change of state: while one of a kind is open, no second one
CREATE UNIQUE INDEX "BackupAlert_one_open_per_kind" ON "BackupAlert"("kind") WHERE "closedAt" IS NULL;

-- What the job saw on its last tick, for the page: the web processes never read the backup
-- directory themselves. One row.
CREATE TABLE "BackupStatus" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,
    "backupDir" TEXT NOT NULL,
    "managed" BOOLEAN NOT NULL,
    "lastStoreCopyAt" TIMESTAMPTZ(3),
    "lastStoreCopyError" TEXT,
    "diskFreeBytes" BIGINT,
    "diskTotalBytes" BIGINT,

    CONSTRAINT "BackupStatus_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BackupStatus_one_row" CHECK ("id" = 1),
    CONSTRAINT "BackupStatus_disk_check" CHECK ("diskFreeBytes" >= 0 AND "diskFreeBytes" <= "diskTotalBytes")
);

-- The history is kept: the application (segel_app, docs/decisions/0013) records and updates
-- runs, drills and alerts, but never deletes them.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    REVOKE DELETE, TRUNCATE ON "BackupRun", "RestoreDrill", "BackupAlert" FROM segel_app;
  END IF;
END $$;
