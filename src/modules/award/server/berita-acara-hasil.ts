import "server-only";
import { formatRupiah } from "@/lib/money";
import { toPdfText } from "@/lib/pdf-text";
import { formatInZone } from "@/lib/time";
import { pdfHeading, pdfRow, pdfTenderHeader, renderPdf, type Pdf, type PdfLetterhead } from "@/server/pdf";
import type { WinnerBasis } from "./winner-basis";

/** What the Berita Acara Hasil Pemilihan is drawn from; JSON-safe, as the audit event keeps it. */
export interface ResultRecord {
  lpseName: string;
  tenderCode: string;
  paketName: string;
  agencyName: string;
  procedureName: string;
  hps: string;
  timeZone: string;
  adoptedAt: string;
  members: number;
  needed: number;
  proposal: { id: string; fingerprint: string; proposedById: string };
  decisions: {
    userId: string;
    name: string;
    decision: "APPROVE" | "DISAGREE";
    reason: string | null;
    decidedAt: string;
  }[];
  basis: WinnerBasis;
}

const STAGE_TEXT: Record<string, string> = {
  ADMINISTRASI: "Administrasi",
  KUALIFIKASI: "Kualifikasi",
  TEKNIS: "Teknis",
  HARGA: "Harga",
  PEMBUKTIAN: "Pembuktian kualifikasi",
};
const METHOD_TEXT: Record<string, string> = {
  HARGA_TERENDAH: "Harga terendah",
  SISTEM_NILAI: "Sistem nilai",
  BIAYA_UMUR_EKONOMIS: "Biaya selama umur ekonomis",
};
const rupiah = (digits: string | null) => (digits === null ? "-" : formatRupiah(BigInt(digits)));

function drawBid(doc: Pdf, bid: WinnerBasis["bids"][number], n: number, prakualifikasi: WinnerBasis["prakualifikasi"]) {
  doc
    .moveDown(0.5)
    .font("Helvetica-Bold")
    .fontSize(10)
    .text(toPdfText(`${n}. ${bid.vendorName}`));
  doc.font("Helvetica").fontSize(9);
  doc.text(
    toPdfText(
      `Harga penawaran: ${rupiah(bid.openedPrice)}; harga terkoreksi: ${rupiah(bid.correctedPrice ?? bid.openedPrice)}`,
    ),
  );
  if (bid.isLowPriceFlagged)
    doc.text(`Harga di bawah 80% HPS: ${bid.hasClarification ? "telah diklarifikasi" : "belum diklarifikasi"}`);
  for (const d of bid.decisions) {
    const score = d.technicalScore === null ? "" : ` (nilai teknis ${d.technicalScore})`;
    doc.text(toPdfText(`- ${STAGE_TEXT[d.stage] ?? d.stage}: ${d.passed ? "LULUS" : "GUGUR"}${score} - ${d.reason}`), {
      indent: 12,
    });
  }
  // a seleksi proved qualification in its prakualifikasi (Perlem LKPP 12/2021 Lampiran II): no stage of its own
  if (prakualifikasi) {
    const passed = prakualifikasi.passedBidIds.includes(bid.bidId);
    const result = passed ? "LULUS" : "GUGUR";
    const how = passed ? "lulus prakualifikasi dan masuk daftar pendek" : "tidak lulus prakualifikasi";
    doc.text(toPdfText(`- ${STAGE_TEXT.PEMBUKTIAN}: ${result} - ${how} putaran ${prakualifikasi.round}`), {
      indent: 12,
    });
  }
}

/**
 * Berita Acara Hasil Pemilihan (Perlem LKPP 12/2021 Lampiran II): the tender, every bid
 * with each stage's result and reason, the ranking, the winner and reserves, and each
 * Pokja member's approval or disagreement with its time. Drawn only from the record that
 * the `tender.winnerSet` audit event keeps, in Indonesian, times in the agency's zone.
 */
export function renderBeritaAcaraHasil(record: ResultRecord, letterhead?: PdfLetterhead): Promise<Buffer> {
  const at = (iso: string) => formatInZone(new Date(iso), record.timeZone, "id");
  const { basis } = record;
  const nameOf = (bidId: string | null) =>
    bidId === null ? "-" : (basis.bids.find((b) => b.bidId === bidId)?.vendorName ?? bidId);
  const priceOf = (bidId: string) => rupiah(basis.ranking.find((r) => r.bidId === bidId)?.correctedPrice ?? null);
  return renderPdf(
    { title: `Berita Acara Hasil Pemilihan ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      pdfTenderHeader(doc, { ...record, title: "BERITA ACARA HASIL PEMILIHAN", letterhead });
      pdfRow(doc, "Metode evaluasi", METHOD_TEXT[basis.method] ?? basis.method);
      pdfRow(doc, "Nilai HPS", rupiah(record.hps));
      pdfRow(doc, "Ditetapkan", at(record.adoptedAt));

      pdfHeading(doc, `Hasil evaluasi: ${basis.bids.length} penawaran`);
      basis.bids.forEach((bid, i) => drawBid(doc, bid, i + 1, basis.prakualifikasi));

      pdfHeading(doc, "Peringkat");
      doc.font("Helvetica").fontSize(10);
      if (basis.ranking.length === 0) doc.text("-");
      for (const r of basis.ranking) doc.text(toPdfText(`${r.rank}. ${nameOf(r.bidId)} - ${rupiah(r.correctedPrice)}`));

      pdfHeading(doc, "Penetapan pemenang");
      pdfRow(doc, "Pemenang", `${nameOf(basis.winnerBidId)} - harga terkoreksi ${priceOf(basis.winnerBidId)}`);
      pdfRow(
        doc,
        "Pemenang cadangan 1",
        basis.reserve1BidId ? `${nameOf(basis.reserve1BidId)} - ${priceOf(basis.reserve1BidId)}` : "-",
      );
      pdfRow(
        doc,
        "Pemenang cadangan 2",
        basis.reserve2BidId ? `${nameOf(basis.reserve2BidId)} - ${priceOf(basis.reserve2BidId)}` : "-",
      );

      pdfHeading(doc, `Persetujuan Pokja Pemilihan (${record.needed} dari ${record.members} anggota diperlukan)`);
      doc.font("Helvetica").fontSize(10);
      record.decisions.forEach((d, i) => {
        const role = d.userId === record.proposal.proposedById ? " (pengusul)" : "";
        const verdict = d.decision === "APPROVE" ? "SETUJU" : "TIDAK SETUJU";
        doc.text(
          toPdfText(`${i + 1}. ${d.name}${role} - ${verdict} - ${at(d.decidedAt)}${d.reason ? `: ${d.reason}` : ""}`),
        );
      });

      doc.moveDown(1.2).font("Helvetica").fontSize(8).fillColor("#444444");
      doc.text(
        toPdfText(
          "Pemenang ditetapkan oleh Pokja Pemilihan setelah lebih dari separuh anggotanya menyetujui usulan, berdasarkan hasil evaluasi yang tercatat " +
            "saat usulan dibuat; usulan yang hasil evaluasinya berubah tidak dapat disetujui. " +
            `Sidik SHA-256 hasil evaluasi dan peringkat tersebut: ${record.proposal.fingerprint}. ` +
            "Berita acara ini dibuat oleh sistem Segel; sidiknya tercatat pada jejak audit.",
        ),
      );
    },
  );
}
