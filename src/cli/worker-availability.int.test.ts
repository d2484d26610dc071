import { describe, expect, it } from "vitest";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { db, dbNow } from "@/server/db";
import { availabilityTick, heldScheduleTick } from "./worker-availability";

const settings = readAvailabilitySettings({ SEGEL_HEARTBEAT_SECONDS: "15", SEGEL_DOWNTIME_GAP_SECONDS: "120" });

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (_: unknown, msg: string) => void lines.push(msg),
      error: (_: unknown, msg: string) => void lines.push(msg),
    },
  };
}

describe("the worker's availability wiring", () => {
  it("holds the schedule tick while the web is silent, saying so once when it starts and once when it ends", async () => {
    const { lines, log } = recorder();
    let ticks = 0;
    const tick = heldScheduleTick(
      async () => {
        ticks++;
        return { checked: 0, transitions: [] };
      },
      settings,
      log,
    );
    await tick({ limit: 10 });
    expect(ticks).toBe(1);
    await db.availabilityBeat.create({
      data: { role: "WEB", lastBeatAt: new Date((await dbNow()).getTime() - 10 * 60_000) },
    });
    await tick({ limit: 10 });
    await tick({ limit: 10 });
    expect(ticks).toBe(1);
    expect(lines).toEqual(["schedule held: the portal is not up"]);
    await db.availabilityBeat.update({ where: { role: "WEB" }, data: { lastBeatAt: await dbNow() } });
    await tick({ limit: 10 });
    await tick({ limit: 10 });
    expect(ticks).toBe(3);
    expect(lines).toEqual(["schedule held: the portal is not up", "schedule resumed: the portal is up again"]);
  });

  it("beats as WORKER, records a worker's silence, and leaves it uncompensated", async () => {
    const { lines, log } = recorder();
    const tick = availabilityTick(settings, log);
    await tick();
    expect(await db.availabilityBeat.findUnique({ where: { role: "WORKER" } })).not.toBeNull();
    await db.availabilityBeat.update({
      where: { role: "WORKER" },
      data: { lastBeatAt: new Date((await dbNow()).getTime() - 10 * 60_000) },
    });
    await tick();
    expect(await db.outage.findMany({ select: { role: true, compensatedAt: true } })).toEqual([
      { role: "WORKER", compensatedAt: null },
    ]);
    expect(lines).toContain("worker downtime recorded");
  });
});
