import "server-only";
import { toPdfText } from "@/lib/pdf-text";
import { formatInZone } from "@/lib/time";
import { pdfHeading, pdfRow, pdfTenderHeader, renderPdf, type PdfLetterhead } from "@/server/pdf";
import type { PrequalificationOutcome } from "../domain";
import { OUTCOME_TITLE } from "../domain/outcome-text";

/** What the Berita Acara Hasil Prakualifikasi is drawn from; JSON-safe. */
export interface PrequalificationRecord {
  lpseName: string;
  tenderCode: string;
  paketName: string;
  agencyName: string;
  procedureName: string;
  timeZone: string;
  basis: string;
  round: number;
  concludedAt: string;
  concludedBy: string;
  outcome: PrequalificationOutcome["kind"];
  rule: string;
  /** the Pokja's public reason of a repeat or a failure */
  reason: string | null;
  applicants: {
    vendorName: string;
    submittedAt: string;
    passed: boolean;
    score: number | null;
    reason: string | null;
    decidedBy: string;
    decidedAt: string | null;
  }[];
  /** the shortlist's firms, best rank first */
  shortlist: string[];
  /** the tender's Pokja members; `concluded` marks the one who ended the round */
  members: { name: string; concluded: boolean }[];
}

/**
 * Berita Acara Hasil Prakualifikasi (Perlem LKPP 12/2021 Lampiran II: the Pokja records
 * the evaluation of the qualification documents and its result): every applicant with its
 * decision, score, reason and who decided it; the shortlist by rank; the outcome and the
 * rule that gave it; the Pokja. In Indonesian, times in the agency's zone.
 */
export function renderBeritaAcaraPrakualifikasi(
  record: PrequalificationRecord,
  letterhead?: PdfLetterhead,
): Promise<Buffer> {
  const at = (iso: string | null) => (iso ? formatInZone(new Date(iso), record.timeZone, "id") : "-");
  return renderPdf(
    { title: `Berita Acara Hasil Prakualifikasi ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      pdfTenderHeader(doc, { ...record, title: "BERITA ACARA HASIL PRAKUALIFIKASI", letterhead });
      pdfRow(doc, "Babak prakualifikasi", String(record.round));
      pdfRow(doc, "Disimpulkan", `${at(record.concludedAt)} oleh ${record.concludedBy}`);
      pdfRow(doc, "Dasar", record.basis);

      pdfHeading(doc, `Hasil evaluasi dokumen kualifikasi: ${record.applicants.length} peserta`);
      if (record.applicants.length === 0) doc.font("Helvetica").fontSize(10).text("Tidak ada permohonan.");
      record.applicants.forEach((a, i) => {
        doc
          .moveDown(0.4)
          .font("Helvetica-Bold")
          .fontSize(10)
          .text(toPdfText(`${i + 1}. ${a.vendorName}`));
        const score = a.score === null ? "" : `, nilai ${a.score}`;
        doc.font("Helvetica").fontSize(9);
        doc.text(toPdfText(`${a.passed ? "LULUS" : "TIDAK LULUS"}${score}${a.reason ? ` - ${a.reason}` : ""}`), {
          indent: 12,
        });
        doc.text(toPdfText(`Dikirim ${at(a.submittedAt)}; diputuskan oleh ${a.decidedBy}, ${at(a.decidedAt)}`), {
          indent: 12,
        });
      });

      pdfHeading(doc, "Daftar pendek (menurut peringkat)");
      doc.font("Helvetica").fontSize(10);
      if (record.shortlist.length === 0) doc.text("-");
      record.shortlist.forEach((name, i) => doc.text(toPdfText(`${i + 1}. ${name}`)));

      pdfHeading(doc, "Hasil prakualifikasi");
      pdfRow(doc, "Hasil", OUTCOME_TITLE[record.outcome]);
      pdfRow(doc, "Ketentuan", record.rule);
      if (record.reason) pdfRow(doc, "Alasan", record.reason);

      pdfHeading(doc, "Pokja Pemilihan");
      doc.font("Helvetica").fontSize(10);
      if (record.members.length === 0) doc.text("-");
      record.members.forEach((m, i) =>
        doc.text(toPdfText(`${i + 1}. ${m.name}${m.concluded ? " (menyimpulkan hasil)" : ""}`)),
      );

      doc.moveDown(1.2).font("Helvetica").fontSize(8).fillColor("#444444");
      doc.text(
        toPdfText(
          "Hasil ditentukan oleh ketentuan prosedur dari jumlah peserta yang lulus, bukan dipilih oleh Pokja Pemilihan. " +
            "Berita acara ini dibuat oleh sistem Segel saat hasil prakualifikasi disimpulkan; sidik SHA-256 berkasnya " +
            "tercatat pada jejak audit. Keputusan dan penyimpulan adalah tindakan yang tercatat, bukan tanda tangan elektronik tersertifikasi.",
        ),
      );
    },
  );
}
