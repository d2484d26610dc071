import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { actorFor, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { approveOpening } from "./approve-opening";
import { makeTenderWithBids, passDeadline } from "../../testing/opening.fixture";
import { readOpenedBidFile } from "./read-opened-bid-file";
import { streamOpenedPart } from "./stream-opened-part";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("streamOpenedPart", () => {
  it("gives the Pokja every opened file of a part as one ZIP, the same bytes as each file's download, audited", async () => {
    const made = await makeTenderWithBids([
      { price: 250_000_000n, parts: ["TEKNIS", "HARGA"], vendorName: "PT Satu/Dua Karya" },
      { price: 260_000_000n, parts: ["TEKNIS", "HARGA"], vendorName: "CV Papua Mandiri" },
    ]);
    const member = made.members[0]!.actor;
    await passDeadline(made.tender.id);
    for (const m of made.members.slice(0, 2))
      await approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });

    const { fileName, stream } = await streamOpenedPart(member, made.tender.id, "TEKNIS");
    expect(fileName).toBe(`${made.tender.code}-teknis.zip`);
    const entries = unzipSync(await readAll(stream));
    expect(Object.keys(entries)).toEqual(["01 PT Satu-Dua Karya/teknis.pdf", "02 CV Papua Mandiri/teknis.pdf"]);
    const files = await db.bidFile.findMany({
      where: { tenderId: made.tender.id, part: "TEKNIS" },
      orderBy: { bid: { submittedAt: "asc" } },
    });
    for (const [i, file] of files.entries()) {
      const single = await readOpenedBidFile(member, file.id);
      expect(Buffer.from(Object.values(entries)[i]!).equals(single.content)).toBe(true);
    }
    const all = await db.auditEvent.findFirstOrThrow({
      where: { action: "bidFiles.downloadedAll", entityId: made.tender.id },
    });
    expect(all).toMatchObject({
      actorId: member.userId,
      data: expect.objectContaining({
        part: "TEKNIS",
        files: files.map((f) => ({ fileId: f.id, bidId: f.bidId, commitment: f.commitment })),
      }),
    });
    // each file's own trail of readers names the ZIP read too
    const reads = await db.auditEvent.findMany({
      where: { action: "bid.fileRead", data: { path: ["via"], equals: fileName } },
    });
    expect(reads.map((r) => r.entityId).sort()).toEqual(files.map((f) => f.id).sort());
  });

  it("is NOT_FOUND before the opening, for anyone outside the tender's Pokja, and for a part with no file; nothing audited", async () => {
    const made = await makeTenderWithBids([{ price: 250_000_000n, parts: ["HARGA"] }]);
    const member = made.members[0]!.actor;
    await passDeadline(made.tender.id);
    await expect(streamOpenedPart(member, made.tender.id, "HARGA")).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const m of made.members.slice(0, 2))
      await approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: made.agency.id }]));
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: made.agency.id }]));
    for (const actor of [outsider, ppk, made.bidders[0]!.actor]) {
      await expect(streamOpenedPart(actor, made.tender.id, "HARGA")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(streamOpenedPart(member, made.tender.id, "TEKNIS")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: { in: ["bidFiles.downloadedAll", "bid.fileRead"] } } })).toBe(
      0,
    );
  });
});
