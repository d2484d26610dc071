import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { makeOpenedTender } from "@/tests/factories";
import { rankTenderBids } from "@/modules/evaluation/server/rank-bids";
import { recordPembuktian } from "@/modules/evaluation/server/record-pembuktian";
import { passAllStages } from "@/modules/evaluation/testing/evaluate";
import { decideWinnerProposal } from "../server/approve-winner";
import { getWinnerProposals } from "../server/get-winner-proposals";
import { proposeWinner } from "../server/propose-winner";
import { WinnerProposalPanel } from "./winner-proposal-panel";

async function render(node: ReactNode) {
  const messages = await loadMessages("id");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale: "id", messages, timeZone: "Asia/Jakarta", children: node }),
  );
}
const at = (d: Date) => d.toISOString();

describe("the award desk", () => {
  it("shows the proposal with who approved and who disagreed and why, a form for a member still to decide, and the BAHP once adopted", async () => {
    const ctx = await makeOpenedTender({ prices: [800n, 850n] });
    for (const b of ctx.bidders) await passAllStages(ctx.pokja, ctx.tender.id, b.bid.id);
    await rankTenderBids(ctx.pokja, { tenderId: ctx.tender.id });
    for (const b of ctx.bidders)
      await recordPembuktian(ctx.pokja, {
        tenderId: ctx.tender.id,
        bidId: b.bid.id,
        passed: true,
        reason: "Dokumen asli sesuai dengan yang diunggah.",
      });
    const [proposer, second, third] = ctx.pokjaMembers as [typeof ctx.pokja, typeof ctx.pokja, typeof ctx.pokja];
    const panelFor = async (who: typeof ctx.pokja) =>
      render(
        createElement(WinnerProposalPanel, {
          tenderId: ctx.tender.id,
          data: await getWinnerProposals(who, ctx.tender.id),
          canPropose: true,
          at,
        }),
      );

    expect(await panelFor(proposer)).toContain("Usulkan pemenang");
    const { proposalId } = await proposeWinner(proposer, { tenderId: ctx.tender.id });
    await decideWinnerProposal(second, {
      tenderId: ctx.tender.id,
      proposalId,
      decision: "DISAGREE",
      reason: "Harga penawaran pemenang perlu diklarifikasi.",
    });

    const forThird = await panelFor(third);
    expect(forThird).toContain("Menunggu persetujuan: 1 dari 2");
    expect(forThird).toContain(ctx.bidders[0]!.vendor.name);
    expect(forThird).toContain("Tidak setuju");
    expect(forThird).toContain("Harga penawaran pemenang perlu diklarifikasi.");
    expect(forThird).toContain("Kirim keputusan");
    expect(forThird).not.toContain("Tarik usulan");
    expect(forThird).not.toContain("Usulkan pemenang</button>");
    // the proposer has decided (the proposal is theirs) and may withdraw it
    const forProposer = await panelFor(proposer);
    expect(forProposer).not.toContain("Kirim keputusan");
    expect(forProposer).toContain("Tarik usulan");

    await decideWinnerProposal(third, { tenderId: ctx.tender.id, proposalId, decision: "APPROVE", reason: null });
    const adopted = await panelFor(third);
    expect(adopted).toContain("Ditetapkan");
    expect(adopted).toContain("Unduh Berita Acara Hasil Pemilihan");
    expect(adopted).not.toContain("Kirim keputusan");
  });

  it("is for the tender's Pokja only", async () => {
    const ctx = await makeOpenedTender();
    const other = await makeOpenedTender();
    for (const actor of [other.pokja, ctx.ppk, ctx.bidders[0]!.actor])
      await expect(getWinnerProposals(actor, ctx.tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
