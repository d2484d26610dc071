import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { makeSeleksiTender, openPrices, passPriceAndRank, passTechnical } from "../testing/seleksi";
import { getWinnerProposals } from "@/modules/award/server/get-winner-proposals";
import { getEvaluationBoard } from "../server/get-evaluation-board";
import { getNegotiationBoard } from "../server/get-negotiation-board";
import { recordNegotiation } from "../server/record-negotiation";
import { NegotiationPanel } from "./negotiation-panel";
import { RankingPanel } from "./ranking-panel";
import { StageMatrix } from "./stage-matrix";

async function render(node: ReactNode) {
  const messages = await loadMessages("id");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale: "id", messages, timeZone: "Asia/Jakarta", children: node }),
  );
}

describe("the seleksi parts of the evaluation desk render", () => {
  it("shows a sealed price, then the negotiation's turn, its record and the form", async () => {
    const ctx = await makeSeleksiTender("BIAYA_TERENDAH", { prices: [900_000_000n, 850_000_000n] });
    const [a, b] = ctx.bidders.map((x) => x.bid.id) as [string, string];
    await passTechnical(ctx.pokja, ctx.tender.id, a, 90_000);
    await passTechnical(ctx.pokja, ctx.tender.id, b, 80_000);
    const board = await getEvaluationBoard(ctx.pokja, ctx.tender.id);
    expect(board.tender.isTechnicalScored).toBe(true);
    expect(board.tender.technicalPassingGrade).toBe(70);

    await openPrices([a, b]);
    await passPriceAndRank(ctx.pokja, ctx.tender.id, [a, b]);
    await recordNegotiation(ctx.pokja, {
      tenderId: ctx.tender.id,
      bidId: b,
      outcome: "FAILED",
      agreedPrice: null,
      minutes: "Penyedia tidak bersedia menurunkan biaya personel.",
    });
    const negotiation = (await getNegotiationBoard(ctx.pokja, ctx.tender.id))!;
    const names = new Map(ctx.bidders.map((x) => [x.bid.id, x.vendor.name]));
    const html = await render(
      createElement(NegotiationPanel, {
        tenderId: ctx.tender.id,
        board: negotiation,
        names,
        isEvaluating: true,
        at: (d: Date) => d.toISOString(),
      }),
    );
    expect(html).toContain("Klarifikasi dan negosiasi");
    expect(html).toContain("tidak sepakat");
    expect(html).toContain("Penyedia tidak bersedia menurunkan biaya personel.");
    expect(html).toContain(`Giliran negosiasi: ${names.get(a)}`);
    expect(html).toContain("Simpan hasil negosiasi");
    const matrix = await render(
      createElement(StageMatrix, {
        board: await getEvaluationBoard(ctx.pokja, ctx.tender.id),
        stage: "TEKNIS",
        locale: "id",
      }),
    );
    expect(matrix).toContain("90,000");
    // the ranking shows each firm's prakualifikasi as its pembuktian, and no pembuktian form
    const ranking = await render(
      createElement(RankingPanel, {
        board: await getEvaluationBoard(ctx.pokja, ctx.tender.id),
        locale: "id",
        proposals: await getWinnerProposals(ctx.pokja, ctx.tender.id),
        at: (d: Date) => d.toISOString(),
      }),
    );
    expect(ranking).toContain("pembuktiannya adalah hasil prakualifikasi");
    expect(ranking).toContain("Lulus prakualifikasi (daftar pendek)");
    expect(ranking).not.toContain("Simpan pembuktian");
  });

  it("says the price is sealed before the price opening", async () => {
    const ctx = await makeSeleksiTender("KUALITAS");
    const { db } = await import("@/server/db");
    await db.bid.updateMany({ where: { tenderId: ctx.tender.id }, data: { openedPrice: null } });
    const board = await getEvaluationBoard(ctx.pokja, ctx.tender.id);
    expect(board.bids).toHaveLength(3);
    const html = await render(createElement(StageMatrix, { board, stage: "ADMINISTRASI", locale: "id" }));
    expect(html).toContain("Harga masih tersegel");
    expect(await getNegotiationBoard(ctx.pokja, ctx.tender.id)).toMatchObject({ standing: null });
  });
});
