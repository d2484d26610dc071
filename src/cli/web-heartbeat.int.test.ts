import { describe, expect, it } from "vitest";
import { makePokjaTender, makeStages } from "@/tests/factories";
import { until } from "@/tests/setup/until";
import { db, dbNow } from "@/server/db";
import { startWebHeartbeat } from "./web-heartbeat";

const HOUR = 3_600_000;

describe("the web server's heartbeat", () => {
  it("beats when started, records the silence before it and gives the time back at once", async () => {
    const now = (await dbNow()).getTime();
    const t = (h: number) => new Date(now + h * HOUR);
    // a tender uploading bids, and a web server silent for the last two hours
    const { tender } = await makePokjaTender();
    await makeStages(tender.id, [
      ["PENGUMUMAN", t(-96), t(-72)],
      ["UPLOAD_PENAWARAN", t(-72), t(72)],
      ["PEMBUKAAN", t(72), t(74)],
    ]);
    await db.tender.update({
      where: { id: tender.id },
      data: { status: "PUBLISHED", publishedAt: t(-96), currentStage: "UPLOAD_PENAWARAN", nextCheckAt: t(72) },
    });
    await db.availabilityBeat.create({ data: { role: "WEB", lastBeatAt: t(-2) } });

    const heartbeat = await startWebHeartbeat();
    try {
      await until("the silence recorded and compensated", async () =>
        Boolean(await db.outage.findFirst({ where: { role: "WEB", compensatedAt: { not: null } } })),
      );
    } finally {
      heartbeat.stop();
    }
    const outage = await db.outage.findFirstOrThrow({ where: { role: "WEB" } });
    expect(outage.startsAt).toEqual(t(-2));
    expect(await db.processHeartbeat.count({ where: { role: "WEB", pid: process.pid } })).toBe(1);
    const upload = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    expect(upload.endsAt.getTime()).toBeGreaterThan(t(72).getTime());
    expect(await db.compensation.count({ where: { outageId: outage.id, tenderId: tender.id } })).toBe(1);
  });
});
