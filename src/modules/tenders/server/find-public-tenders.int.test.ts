import { describe, expect, it } from "vitest";
import { makeAgency, makePaket, makeUser } from "../../../../tests/factories";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import { db, dbNow } from "@/server/db";
import { findPublicTenders } from "./find-public-tenders";

const HOUR = 3_600_000;

/** Tests here need a tender, not a procedure: any TENDER procedure row will do. */
const anyProcedure = () =>
  db.procedureConfig.upsert({ where: { key: "uji-publik-tender" }, create: { key: "uji-publik-tender", name: "Tender uji", method: "TENDER", stages: [] }, update: {}, select: { id: true } });

/** A tender whose stages are placed around the database clock: [kind, startHours, endHours]. */
async function makeTender(status: TenderStatus, stages: [StageKind, number, number][], timeZone = "Asia/Makassar") {
  const agency = await makeAgency({ timeZone });
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const paket = await makePaket(agency, ppk.id, { hps: 480_000_000n, status: "IN_SELECTION" });
  const [procedure, clock] = await Promise.all([anyProcedure(), dbNow()]);
  const now = clock.getTime();
  return db.tender.create({
    data: {
      paketId: paket.id,
      procedureId: procedure.id,
      code: `T-${crypto.randomUUID().slice(0, 8)}`,
      method: "TENDER",
      status,
      publishedAt: status === "DRAFT" ? null : new Date(now),
      stages: {
        create: stages.map(([kind, from, to], position) => ({ kind, position, startsAt: new Date(now + from * HOUR), endsAt: new Date(now + to * HOUR) })),
      },
    },
  });
}

describe("findPublicTenders", () => {
  it("never lists a draft", async () => {
    const draft = await makeTender("DRAFT", [["PENGUMUMAN", -1, 24]]);
    const published = await makeTender("PUBLISHED", [["PENGUMUMAN", -1, 24]]);
    const { tenders } = await findPublicTenders();
    expect(tenders.map((t) => t.id)).toContain(published.id);
    expect(tenders.map((t) => t.id)).not.toContain(draft.id);
  });

  it("takes the current stage and the bid deadline from the database clock", async () => {
    const tender = await makeTender("PUBLISHED", [
      ["PENGUMUMAN", -48, -24],
      ["UPLOAD_PENAWARAN", -24, 24],
      ["PEMBUKAAN", 24, 26],
    ]);
    const row = (await findPublicTenders()).tenders.find((t) => t.id === tender.id)!;
    expect(row.currentStage).toBe("UPLOAD_PENAWARAN");
    expect(row.hps).toBe(480_000_000n);
    expect(row.agencyTimeZone).toBe("Asia/Makassar");
    const stage = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "UPLOAD_PENAWARAN" } });
    expect(row.bidDeadline).toEqual(stage.endsAt);
  });

  it("has no current stage between windows", async () => {
    const tender = await makeTender("EVALUATION", [["UPLOAD_PENAWARAN", -48, -24]]);
    expect((await findPublicTenders()).tenders.find((t) => t.id === tender.id)!.currentStage).toBeNull();
  });

  it("lists only tenders in their upload window when asked for open ones", async () => {
    const open = await makeTender("PUBLISHED", [["UPLOAD_PENAWARAN", -1, 1]]);
    const notYet = await makeTender("PUBLISHED", [["UPLOAD_PENAWARAN", 1, 2]]);
    const closed = await makeTender("PUBLISHED", [["UPLOAD_PENAWARAN", -2, -1]]);
    const ids = (await findPublicTenders({ openForBids: true })).tenders.map((t) => t.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(notYet.id);
    expect(ids).not.toContain(closed.id);
  });
});
