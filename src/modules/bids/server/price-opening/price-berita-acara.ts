import "server-only";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { toPdfText } from "@/lib/pdf-text";
import { pdfHeading as heading, pdfRow as row, pdfTenderHeader, renderPdf, type PdfLetterhead } from "@/server/pdf";
import { FILE_STATUS_TEXT, PRICE_STATUS_TEXT, type PriceOpeningRecord } from "../../domain/opening-record";

/**
 * Berita Acara Pembukaan Harga (two envelopes), drawn only from the price opening's record
 * (the audit data), in Indonesian, every time in the agency's zone.
 */
export function renderPriceBeritaAcara(record: PriceOpeningRecord, letterhead?: PdfLetterhead): Promise<Buffer> {
  const at = (iso: string) => formatInZone(new Date(iso), record.timeZone, "id");
  return renderPdf(
    { title: `Berita Acara Pembukaan Harga ${record.tenderCode}`, author: toPdfText(record.lpseName) },
    (doc) => {
      pdfTenderHeader(doc, { ...record, title: "BERITA ACARA PEMBUKAAN HARGA", letterhead });
      row(doc, "Nilai HPS", record.hps === null ? "-" : formatRupiah(BigInt(record.hps)));
      row(doc, "Metode evaluasi", record.evaluationMethod);
      row(doc, "Nilai ambang batas teknis", String(record.passingGrade));
      row(doc, "Waktu pembukaan harga", at(record.openedAt));

      heading(doc, `Persetujuan (${record.threshold} dari ${record.shareholders} anggota Pokja Pemilihan diperlukan)`);
      doc.font("Helvetica").fontSize(10);
      record.approvers.forEach((a, i) => doc.text(toPdfText(`${i + 1}. ${a.name} - ${at(a.approvedAt)}`)));

      heading(doc, `Sampul harga yang dibuka: ${record.bids.length}`);
      record.bids.forEach((bid, i) => {
        const price =
          bid.priceStatus === "OK" && bid.price !== null
            ? formatRupiah(BigInt(bid.price))
            : PRICE_STATUS_TEXT[bid.priceStatus as keyof typeof PRICE_STATUS_TEXT];
        doc
          .moveDown(0.4)
          .font("Helvetica-Bold")
          .fontSize(10)
          .text(toPdfText(`${i + 1}. ${bid.vendorName}`));
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
      });

      heading(doc, `Sampul harga yang tidak dibuka: ${record.sealed.length}`);
      doc.font("Helvetica").fontSize(10);
      record.sealed.forEach((b, i) => doc.text(toPdfText(`${i + 1}. ${b.vendorName}`)));

      doc.moveDown(1.2).font("Helvetica").fontSize(8).fillColor("#444444");
      doc.text(
        toPdfText(
          "Sampul harga dibuka hanya untuk penawaran yang lulus evaluasi teknis (nilai teknis sama dengan atau di atas ambang batas); " +
            "pada metode kualitas hanya peringkat teknis pertama. Sampul harga lain tetap tersegel. " +
            "Berita acara ini dibuat oleh sistem Segel; sidik SHA-256-nya tercatat pada jejak audit.",
        ),
      );
    },
  );
}
