import { describe, expect, it } from "vitest";
import { actorFor, makeUser } from "@/tests/factories";
import { approveOpening } from "./approve-opening";
import { getOpeningView } from "./get-opening-view";
import { makeTenderWithBids, passDeadline } from "../../testing/opening.fixture";

describe("getOpeningView", () => {
  it("follows the deadline, the approvals and the result; only for the tender's Pokja", async () => {
    const made = await makeTenderWithBids([{ price: 99_000_000n, vendorName: "PT Lihat Uji" }]);
    const [a, b] = made.members;
    expect(await getOpeningView(a!.actor, made.tender.id)).toMatchObject({
      isAfterDeadline: false,
      canApprove: false,
      threshold: 2,
      shareholders: 3,
      approvals: [],
      opening: null,
    });

    await passDeadline(made.tender.id);
    expect(await getOpeningView(a!.actor, made.tender.id)).toMatchObject({
      isAfterDeadline: true,
      canApprove: true,
      hasShare: true,
    });
    await approveOpening(a!.actor, { tenderId: made.tender.id, passphrase: a!.passphrase });
    const afterOne = await getOpeningView(a!.actor, made.tender.id);
    expect(afterOne).toMatchObject({
      canApprove: false,
      hasApproved: true,
      approvals: [{ name: a!.user.name, isMe: true }],
    });
    expect((await getOpeningView(b!.actor, made.tender.id)).canApprove).toBe(true);

    await approveOpening(b!.actor, { tenderId: made.tender.id, passphrase: b!.passphrase });
    const opened = await getOpeningView(made.members[2]!.actor, made.tender.id);
    expect(opened.canApprove).toBe(false);
    expect(opened.opening).toMatchObject({
      canReadFiles: true,
      failure: null,
      beritaAcaraId: expect.any(String),
      bids: [{ vendorName: "PT Lihat Uji", price: "99000000", files: [{ status: "OK" }] }],
    });

    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: made.agency.id }]));
    await expect(getOpeningView(ppk, made.tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
