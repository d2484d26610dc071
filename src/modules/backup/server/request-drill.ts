import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { readBackupSettings } from "@/server/backup-settings";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * An ADMIN_LPSE asks for a restore drill now. The page writes a request and the worker runs it
 * on its next tick, under the job's lock: a drill restores a set and starts a scratch
 * PostgreSQL for up to minutes, with the PostgreSQL programs and the backup directory, which
 * the web processes neither hold nor should wait on; and one drill runs at a time beside the
 * base backup. A second request while one waits or runs is refused (one waiting row, by index).
 */
export async function requestDrill(actor: Actor): Promise<{ id: string }> {
  if (!can(actor, "backup.requestDrill")) throw new AppError("FORBIDDEN");
  if (!readBackupSettings().enabled) throw new AppError("INVALID_STATE", "backupsOff");
  try {
    return await db.$transaction(async (tx) => {
      const busy = await tx.restoreDrill.findFirst({
        where: { status: { in: ["REQUESTED", "RUNNING"] } },
        select: { id: true },
      });
      if (busy) throw new AppError("CONFLICT", "drillAlreadyPending");
      // the drill restores the worker's own base backups: none when no worker takes them
      const status = await tx.backupStatus.findUnique({ where: { id: 1 }, select: { managed: true } });
      if (!status?.managed) throw new AppError("INVALID_STATE", "drillNeedsBaseBackups");
      const drill = await tx.restoreDrill.create({
        data: {
          trigger: "REQUEST",
          status: "REQUESTED",
          requestedById: actor.userId,
          requestedAt: await dbNow(tx),
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "backup.drillRequested",
        entityType: "RestoreDrill",
        entityId: drill.id,
      });
      return drill;
    });
  } catch (error) {
    // two clicks at once: the one-waiting index refuses the second
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", "drillAlreadyPending");
    throw error;
  }
}
