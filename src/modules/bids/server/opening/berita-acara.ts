import "server-only";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { toPdfText } from "@/lib/pdf-text";
import {
  pdfHeading as heading,
  pdfRow as row,
  pdfTenderHeader,
  renderPdf,
  type Pdf,
  type PdfLetterhead,
} from "@/server/pdf";
import { FILE_STATUS_TEXT, PRICE_STATUS_TEXT, type OpenedBid, type OpeningRecord } from "../../domain/opening-record";

/**
 * Berita Acara Pembukaan Penawaran, drawn only from the opening record (the audit data),
 * in Indonesian and with every time in the agency's zone (WIB/WITA/WIT).
 */
const PART_TEXT: Record<string, string> = {
  ADMINISTRASI: "Administrasi",
  KUALIFIKASI: "Kualifikasi",
  TEKNIS: "Teknis",
  HARGA: "Harga",
};

function priceText(bid: OpenedBid): string {
  if (bid.priceStatus === "OK" && bid.price !== null) return formatRupiah(BigInt(bid.price));
  return PRICE_STATUS_TEXT[bid.priceStatus as keyof typeof PRICE_STATUS_TEXT];
}

function drawBid(doc: Pdf, bid: OpenedBid, n: number, at: (iso: string) => string) {
  doc
    .moveDown(0.5)
    .font("Helvetica-Bold")
    .fontSize(10)
    .text(toPdfText(`${n}. ${bid.vendorName}`));
  doc.font("Helvetica").fontSize(9);
  doc.text(`NPWP: ${bid.npwp}`);
  doc.text(`Penawaran diterima: ${at(bid.submittedAt)}`);
  if (!bid.receiptValid) doc.text("Tanda terima: TIDAK SAH (tanda tangan sistem tidak cocok dengan penawaran ini)");
  doc.text(toPdfText(`Harga penawaran: ${priceText(bid)}`));
  if (bid.files.length === 0) doc.text("Berkas: -");
  for (const file of bid.files) {
    const size = file.sizeBytes === null ? "" : ` (${file.sizeBytes.toLocaleString("id-ID")} B)`;
    doc.text(
      toPdfText(
        `- ${PART_TEXT[file.part] ?? file.part}: ${file.fileName ?? "(nama tersegel)"}${size} - ${FILE_STATUS_TEXT[file.status]}`,
      ),
      { indent: 12 },
    );
    // The salt is published here so anyone holding the file can recompute the commitment.
    doc.font("Courier").fontSize(7.5).text(`Komitmen ${file.commitment}`, { indent: 22 });
    if (file.salt) doc.text(`Garam    ${file.salt}`, { indent: 22 });
    doc.font("Helvetica").fontSize(9);
  }
}

export function renderBeritaAcara(record: OpeningRecord, letterhead?: PdfLetterhead): Promise<Buffer> {
  const at = (iso: string) => formatInZone(new Date(iso), record.timeZone, "id");
  return renderPdf(
    { title: `Berita Acara Pembukaan Penawaran ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      pdfTenderHeader(doc, { ...record, title: "BERITA ACARA PEMBUKAAN PENAWARAN", letterhead });
      row(doc, "Nilai HPS", record.hps === null ? "-" : formatRupiah(BigInt(record.hps)));
      row(doc, "Batas akhir pemasukan penawaran", at(record.deadline));
      row(doc, "Waktu pembukaan", at(record.openedAt));

      heading(
        doc,
        `Persetujuan pembukaan (${record.threshold} dari ${record.shareholders} anggota Pokja Pemilihan diperlukan)`,
      );
      doc.font("Helvetica").fontSize(10);
      record.approvers.forEach((a, i) => doc.text(toPdfText(`${i + 1}. ${a.name} - ${at(a.approvedAt)}`)));

      heading(doc, `Penawaran yang masuk: ${record.bids.length}`);
      if (record.failure) {
        doc.font("Helvetica").fontSize(10).text(toPdfText(record.failure.endReason));
        if (record.bids.length > 0) doc.text("Harga dan berkas penawaran tidak dibuka.");
      }
      record.bids.forEach((bid, i) => drawBid(doc, bid, i + 1, at));

      doc.moveDown(1.2).font("Helvetica").fontSize(8).fillColor("#444444");
      doc.text(
        toPdfText(
          "Harga dibuka dari sampul tersegel dan dicocokkan dengan komitmen harga pada tanda terima penyedia. Setiap berkas didekripsi dan komitmennya " +
            '(SHA-256 atas "segel/bid-file/v2", garam dan isi berkas) dibandingkan dengan yang tercatat pada tanda terima; garam dicantumkan agar siapa pun dapat memeriksanya. Tidak ada penawaran yang digugurkan pada pembukaan; ' +
            "cacat setiap penawaran (harga atau berkas yang tidak dapat dibuka, tidak sah, melebihi batas atau tidak sesuai tanda terima) " +
            "dicatat di atas dan tidak menghalangi pembukaan penawaran lain. " +
            "Berita acara ini dibuat oleh sistem Segel; sidik SHA-256-nya tercatat pada jejak audit.",
        ),
      );
    },
  );
}
