import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { makeOpenedTender } from "@/tests/factories";
import { passAllStages } from "../testing/evaluate";
import { rankTenderBids } from "../server/rank-bids";
import { recordEvaluation } from "../server/record-evaluation";
import { getEvaluationBoard } from "../server/get-evaluation-board";
import { BidEvaluationCard } from "./bid-evaluation-card";
import { RankingPanel } from "./ranking-panel";

async function render(node: ReactNode) {
  const messages = await loadMessages("id");
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "id", messages, timeZone: "Asia/Jakarta", children: node }));
}

describe("the Pokja's evaluation desk renders", () => {
  it("shows names, prices against HPS, the 80% flag, the forms and the ranking", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ category: "PEKERJAAN_KONSTRUKSI", hps: 1_000_000_000n, prices: [700_000_000n, 900_000_000n, 1_200_000_000n] });
    for (const b of bidders) await passAllStages(pokja, tender.id, b.bid.id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    const board = await getEvaluationBoard(pokja, tender.id);
    const html = await render(board.bids.map((bid) => createElement(BidEvaluationCard, { key: bid.id, bid, board, locale: "id" })));
    expect(html).toContain(bidders[0]!.vendor.name);
    expect(html).toContain("Rp700.000.000");
    expect(html).toContain("70,00% dari HPS");
    expect(html).toContain("Di bawah 80% HPS: wajib klarifikasi kewajaran harga");
    expect(html).toContain("Melebihi HPS: gugur");
    expect(html).toContain("Simpan evaluasi");
    expect(html).toContain("Simpan klarifikasi");
    expect(html).toContain("Alasan");
    const panel = await render(createElement(RankingPanel, { board, locale: "id" }));
    expect(panel).toContain("Hitung peringkat");
    expect(panel).toContain("Tetapkan pemenang");
    expect(panel).toContain("Simpan pembuktian");
  });

  it("offers the next stage only, after a failed stage nothing later", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n] });
    await recordEvaluation(pokja, { tenderId: tender.id, bidId: bidders[0]!.bid.id, stage: "ADMINISTRASI", passed: false, reason: "Surat penawaran tidak ditandatangani." });
    const board = await getEvaluationBoard(pokja, tender.id);
    const html = await render(createElement(BidEvaluationCard, { bid: board.bids[0]!, board, locale: "id" }));
    expect(html).toContain("Gugur pada tahap Administrasi");
    expect(html).toContain('<option value="ADMINISTRASI"');
    expect(html).not.toContain('<option value="KUALIFIKASI"');
  });
});
