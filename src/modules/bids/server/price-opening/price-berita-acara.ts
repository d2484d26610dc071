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
import {
  FILE_STATUS_TEXT,
  PRICE_STATUS_TEXT,
  type NextPriceOpeningRecord,
  type OpenedBid,
  type PriceOpeningRecord,
  type PriceRecordHeader,
} from "../../domain/opening-record";

/**
 * The Berita Acara of the price envelopes (two envelopes; Perlem LKPP 12/2021 Lampiran II:
 * every opening of bids is recorded in a berita acara), drawn only from the record (the
 * audit data), in Indonesian, every time in the agency's zone.
 */
function drawHeader(doc: Pdf, record: PriceRecordHeader, title: string, letterhead?: PdfLetterhead) {
  pdfTenderHeader(doc, { ...record, title, letterhead });
  row(doc, "Nilai HPS", record.hps === null ? "-" : formatRupiah(BigInt(record.hps)));
  row(doc, "Metode evaluasi", record.evaluationMethod);
  row(doc, "Nilai ambang batas teknis", String(record.passingGrade));
  row(doc, "Waktu pembukaan harga", formatInZone(new Date(record.openedAt), record.timeZone, "id"));
}

/** One opened envelope: the bidder, the price or why it cannot be read, each HARGA file's commitment. */
function drawEnvelope(doc: Pdf, bid: OpenedBid, n: number) {
  const price =
    bid.priceStatus === "OK" && bid.price !== null
      ? formatRupiah(BigInt(bid.price))
      : PRICE_STATUS_TEXT[bid.priceStatus as keyof typeof PRICE_STATUS_TEXT];
  doc
    .moveDown(0.4)
    .font("Helvetica-Bold")
    .fontSize(10)
    .text(toPdfText(`${n}. ${bid.vendorName}`));
  doc.font("Helvetica").fontSize(9).text(`NPWP: ${bid.npwp}`);
  doc.text(toPdfText(`Harga penawaran: ${price}`));
  for (const file of bid.files) {
    doc.text(toPdfText(`- Harga: ${file.fileName ?? "(nama tersegel)"} - ${FILE_STATUS_TEXT[file.status]}`), {
      indent: 12,
    });
    doc.font("Courier").fontSize(7.5).text(`Komitmen ${file.commitment}`, { indent: 22 });
    if (file.salt) doc.text(`Garam    ${file.salt}`, { indent: 22 });
    doc.font("Helvetica").fontSize(9);
  }
}

function drawSealed(doc: Pdf, record: PriceRecordHeader) {
  heading(doc, `Sampul harga yang tidak dibuka: ${record.sealed.length}`);
  doc.font("Helvetica").fontSize(10);
  record.sealed.forEach((b, i) => doc.text(toPdfText(`${i + 1}. ${b.vendorName}`)));
}

function drawFooter(doc: Pdf, text: string) {
  doc.moveDown(1.2).font("Helvetica").fontSize(8).fillColor("#444444");
  doc.text(
    toPdfText(`${text} Berita acara ini dibuat oleh sistem Segel; sidik SHA-256-nya tercatat pada jejak audit.`),
  );
}

export function renderPriceBeritaAcara(record: PriceOpeningRecord, letterhead?: PdfLetterhead): Promise<Buffer> {
  const at = (iso: string) => formatInZone(new Date(iso), record.timeZone, "id");
  return renderPdf(
    { title: `Berita Acara Pembukaan Harga ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      drawHeader(doc, record, "BERITA ACARA PEMBUKAAN HARGA", letterhead);
      heading(doc, `Persetujuan (${record.threshold} dari ${record.shareholders} anggota Pokja Pemilihan diperlukan)`);
      doc.font("Helvetica").fontSize(10);
      record.approvers.forEach((a, i) => doc.text(toPdfText(`${i + 1}. ${a.name} - ${at(a.approvedAt)}`)));
      heading(doc, `Sampul harga yang dibuka: ${record.bids.length}`);
      record.bids.forEach((bid, i) => drawEnvelope(doc, bid, i + 1));
      drawSealed(doc, record);
      drawFooter(
        doc,
        "Sampul harga dibuka hanya untuk penawaran yang lulus evaluasi teknis (nilai teknis sama dengan atau di atas ambang batas); " +
          "pada metode kualitas hanya peringkat teknis pertama. Sampul harga lain tetap tersegel.",
      );
    },
  );
}

/**
 * The continuation (KUALITAS, after failed negotiations: openNextPrice). SPSE's own title
 * for this document was not checked; the name says what it is: the price opening, continued.
 */
export function renderNextPriceBeritaAcara(
  record: NextPriceOpeningRecord,
  letterhead?: PdfLetterhead,
): Promise<Buffer> {
  const at = (iso: string) => formatInZone(new Date(iso), record.timeZone, "id");
  return renderPdf(
    { title: `Berita Acara Pembukaan Harga (Lanjutan) ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      drawHeader(doc, record, "BERITA ACARA PEMBUKAAN HARGA (LANJUTAN)", letterhead);
      row(doc, "Dibuka oleh", toPdfText(`${record.openedBy.name} (anggota Pokja Pemilihan)`));
      heading(doc, "Alasan pembukaan: klarifikasi dan negosiasi tidak berhasil dengan");
      doc.font("Helvetica").fontSize(10);
      record.failedNegotiations.forEach((n, i) =>
        doc.text(toPdfText(`${i + 1}. ${n.vendorName} - dicatat oleh ${n.negotiatedBy}, ${at(n.negotiatedAt)}`)),
      );
      heading(doc, `Sampul harga yang dibuka (sampul harga ke-${record.envelopeNumber} pada tender ini)`);
      drawEnvelope(doc, record.bid, 1);
      drawSealed(doc, record);
      drawFooter(
        doc,
        "Metode kualitas: setelah klarifikasi dan negosiasi dengan peringkat teknis sebelumnya tidak berhasil, sampul harga " +
          "peringkat teknis berikutnya yang lulus ambang batas dibuka dengan kunci harga yang disimpan pada pembukaan harga " +
          "(tanpa persetujuan baru; keputusan 0042). Sampul harga lain tetap tersegel.",
      );
    },
  );
}
