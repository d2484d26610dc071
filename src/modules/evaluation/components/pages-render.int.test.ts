import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { makeOpenedTender } from "@/tests/factories";
import { getWinnerProposals } from "@/modules/award/server/get-winner-proposals";
import { passAllStages } from "../testing/evaluate";
import { rankTenderBids } from "../server/rank-bids";
import { recordEvaluation } from "../server/record-evaluation";
import { getEvaluationBoard } from "../server/get-evaluation-board";
import { RankingPanel } from "./ranking-panel";
import { StageMatrix, StageTabs } from "./stage-matrix";

async function render(node: ReactNode) {
  const messages = await loadMessages("id");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale: "id", messages, timeZone: "Asia/Jakarta", children: node }),
  );
}

describe("the Pokja's evaluation desk renders", () => {
  it("shows names, prices against HPS, the 80% flag, the forms and the ranking", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 1_000_000_000n,
      prices: [700_000_000n, 900_000_000n, 1_200_000_000n],
    });
    for (const b of bidders) await passAllStages(pokja, tender.id, b.bid.id);
    await rankTenderBids(pokja, { tenderId: tender.id });
    const board = await getEvaluationBoard(pokja, tender.id);
    const html = await render(createElement(StageMatrix, { board, stage: "HARGA", locale: "id" }));
    expect(html).toContain(bidders[0]!.vendor.name);
    expect(html).toContain("Rp700.000.000");
    expect(html).toContain("70,00% dari HPS");
    expect(html).toContain("Di bawah 80% HPS: wajib klarifikasi kewajaran harga");
    expect(html).toContain("Melebihi HPS: gugur");
    expect(html).toContain("Simpan evaluasi");
    expect(html).toContain("Simpan klarifikasi");
    expect(html).toContain("Alasan");
    const proposals = await getWinnerProposals(pokja, tender.id);
    const panel = await render(
      createElement(RankingPanel, { board, locale: "id", proposals, at: (d: Date) => d.toISOString() }),
    );
    expect(panel).toContain("Hitung peringkat");
    expect(panel).toContain("Usulkan pemenang");
    expect(panel).toContain("Simpan pembuktian");
  });

  it("shows one stage for every bidder: its saved decision, a form where it may be judged, and why not elsewhere", async () => {
    const { pokja, tender, bidders } = await makeOpenedTender({ prices: [100n, 200n] });
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId: bidders[0]!.bid.id,
      stage: "ADMINISTRASI",
      passed: false,
      reason: "Surat penawaran tidak ditandatangani.",
    });
    const board = await getEvaluationBoard(pokja, tender.id);
    const tabs = await render(createElement(StageTabs, { board, stage: "ADMINISTRASI" }));
    expect(tabs).toContain("Administrasi (1 dari 2 diputuskan)");
    expect(tabs).toContain("Kualifikasi (0 dari 0 diputuskan)");
    expect(tabs).not.toContain("Lanjut ke tahap");
    await recordEvaluation(pokja, {
      tenderId: tender.id,
      bidId: bidders[1]!.bid.id,
      stage: "ADMINISTRASI",
      passed: true,
      reason: "Dokumen lengkap dan sah.",
    });
    const done = await render(
      createElement(StageTabs, { board: await getEvaluationBoard(pokja, tender.id), stage: "ADMINISTRASI" }),
    );
    expect(done).toContain("Semua penawaran pada tahap Administrasi sudah diputuskan.");
    expect(done).toContain("Lanjut ke tahap Kualifikasi");
    const admin = await render(createElement(StageMatrix, { board, stage: "ADMINISTRASI", locale: "id" }));
    // the saved decision is shown, and the row's form starts from it
    expect(admin).toContain("Surat penawaran tidak ditandatangani.</p>");
    expect(admin).toContain(`name="seenDecidedAt" value="${board.bids[0]!.evaluations[0]!.decidedAt.toISOString()}"`);
    expect(admin.match(/Simpan evaluasi/g)).toHaveLength(2);
    const kualifikasi = await render(createElement(StageMatrix, { board, stage: "KUALIFIKASI", locale: "id" }));
    expect(kualifikasi).toContain("Gugur pada tahap Administrasi");
    expect(kualifikasi).toContain("Menunggu evaluasi tahap Administrasi");
    expect(kualifikasi).not.toContain("Simpan evaluasi");
  });
});
