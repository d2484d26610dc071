import { describe, expect, it } from "vitest";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { actorFor, makeBidder, makeUser, makeVendor } from "@/tests/factories";
import { db } from "@/server/db";
import { approveOpening } from "./approve-opening";
import { makeTenderWithBids, passDeadline } from "../../testing/opening.fixture";
import { readOpenedBidFile } from "./read-opened-bid-file";

async function open(made: Awaited<ReturnType<typeof makeTenderWithBids>>) {
  for (const m of made.members.slice(0, 2))
    await approveOpening(m.actor, { tenderId: made.tender.id, passphrase: m.passphrase });
}

describe("after the opening", () => {
  it("bid files are readable by the tender's Pokja and auditors only, and by nobody before the opening", async () => {
    const made = await makeTenderWithBids([{ price: 250_000_000n, parts: ["TEKNIS", "HARGA"] }]);
    const file = await db.bidFile.findFirstOrThrow({ where: { part: "TEKNIS" } });
    const member = made.members[0]!.actor;
    const auditor = actorFor(await makeUser([{ role: "AUDITOR" }]));
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: made.agency.id }]));
    const admin = actorFor(await makeUser([{ role: "ADMIN_LPSE" }]));
    const outsider = actorFor(await makeUser([{ role: "POKJA", agencyId: made.agency.id }]));

    await passDeadline(made.tender.id);
    for (const actor of [member, auditor])
      await expect(readOpenedBidFile(actor, file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await approveOpening(member, { tenderId: made.tender.id, passphrase: made.members[0]!.passphrase });
    await expect(readOpenedBidFile(member, file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await approveOpening(made.members[1]!.actor, { tenderId: made.tender.id, passphrase: made.members[1]!.passphrase });
    for (const actor of [member, auditor]) {
      const read = await readOpenedBidFile(actor, file.id);
      expect(read).toMatchObject({ fileName: "teknis.pdf", mimeType: "application/pdf", commitment: file.commitment });
      expect(read.content.subarray(0, 5).toString()).toBe("%PDF-");
    }
    for (const actor of [ppk, admin, outsider, made.bidders[0]!.actor])
      await expect(readOpenedBidFile(actor, file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readOpenedBidFile(member, "bukan-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "bid.fileRead", entityId: file.id } })).toBe(2);
  });

  it("the Berita Acara is for participants, the agency's staff and auditors; not for other vendors or the public", async () => {
    const made = await makeTenderWithBids([{ price: 250_000_000n }]);
    const registeredOnly = await makeBidder(made.tender.id);
    const stranger = await makeBidder(made.tender.id, { registered: false });
    await passDeadline(made.tender.id);
    await open(made);
    const ba = await db.document.findFirstOrThrow({ where: { tenderId: made.tender.id, kind: "BERITA_ACARA" } });
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: made.agency.id }]));
    const auditor = actorFor(await makeUser([{ role: "AUDITOR" }]));
    for (const actor of [made.bidders[0]!.actor, registeredOnly.actor, ppk, auditor, made.members[2]!.actor]) {
      await expect(getDocumentForDownload(actor, ba.id)).resolves.toMatchObject({ fileName: ba.fileName });
    }
    const otherVendorUser = actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: (await makeVendor()).id }));
    for (const actor of [stranger.actor, otherVendorUser, null])
      await expect(getDocumentForDownload(actor, ba.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
