import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow, type Db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { MAINTENANCE_BANNER_DAYS } from "../domain/maintenance-rules";

export interface MaintenanceWindowView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  cancelledAt: Date | null;
  description: string;
}

const SELECT = { id: true, startsAt: true, endsAt: true, endedAt: true, cancelledAt: true, description: true };

/** Uncancelled windows that have not ended by `now`, earliest first (the rules' and the gate's list). */
export async function findAnnouncedWindows(client: Db | Tx, now: Date): Promise<MaintenanceWindowView[]> {
  return client.maintenanceWindow.findMany({
    where: { cancelledAt: null, endsAt: { gt: now }, OR: [{ endedAt: null }, { endedAt: { gt: now } }] },
    select: SELECT,
    orderBy: { startsAt: "asc" },
  });
}

export interface MaintenanceState {
  /** the database clock when this was read */
  now: Date;
  running: MaintenanceWindowView | null;
  /** the next announced window within the banner's days, when none is running */
  next: MaintenanceWindowView | null;
}

// Read on every write (the gate) and every page (the banner): a few seconds per process is
// late enough to matter to nobody and spares the database a query per request.
const CACHE_MS = 5_000;
let cached: { at: number; state: Promise<MaintenanceState> } | null = null;

async function readState(): Promise<MaintenanceState> {
  const now = await dbNow();
  const windows = await findAnnouncedWindows(db, now);
  const running = windows.find((w) => w.startsAt.getTime() <= now.getTime()) ?? null;
  const horizon = now.getTime() + MAINTENANCE_BANNER_DAYS * 24 * 3_600_000;
  const next = running ? null : (windows.find((w) => w.startsAt.getTime() <= horizon) ?? null);
  return { now, running, next };
}

/** The running window and the next one to announce, cached a few seconds per process. */
export function findMaintenanceState(): Promise<MaintenanceState> {
  const t = Date.now();
  if (!cached || t - cached.at > CACHE_MS) {
    const state = readState();
    cached = { at: t, state };
    // a failed read is not kept: the next request asks again
    state.catch(() => {
      if (cached?.state === state) cached = null;
    });
  }
  return cached.state;
}

/** After a change to the windows (and in tests, after moving the clock): the next read asks the database. */
export function forgetMaintenanceState(): void {
  cached = null;
}

/** ADMIN_LPSE's list on /admin/pemeliharaan: every window, newest start first, with the clock. */
export async function findMaintenanceForAdmin(actor: Actor, options: { limit?: number } = {}) {
  if (!can(actor, "maintenance.manage")) throw new AppError("FORBIDDEN");
  const [now, windows] = await Promise.all([
    dbNow(),
    db.maintenanceWindow.findMany({
      select: { ...SELECT, notifiedAt: true, createdBy: { select: { name: true } }, outage: { select: { id: true } } },
      orderBy: { startsAt: "desc" },
      take: options.limit ?? 100,
    }),
  ]);
  return { now, windows };
}
