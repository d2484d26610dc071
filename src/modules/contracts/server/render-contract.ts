import "server-only";
import { CONTRACT_TERM_FIELDS } from "../domain";
import { toPdfText } from "@/lib/pdf-text";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, formatInZone } from "@/lib/time";
import { pdfHeading, pdfRow, renderPdf } from "@/server/pdf";
import type { Tx } from "@/server/db";

const SIGNATURE_NOTE =
  "Penandatanganan dicatat secara elektronik di Segel (pengguna dan waktu, dalam jejak audit); " +
  "bukan tanda tangan elektronik tersertifikasi.";

/** What both PDFs say of the contract, read in the signing's transaction. */
export async function loadContractDocumentFacts(tx: Tx, contractId: string) {
  return tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      tenderId: true,
      number: true,
      ...CONTRACT_TERM_FIELDS,
      vendorSignedAt: true,
      vendor: { select: { name: true, address: true, city: true, province: true } },
      tender: {
        select: {
          code: true,
          paket: {
            select: {
              name: true,
              rupCode: true,
              fiscalYear: true,
              agency: { select: { name: true, timeZone: true } },
              workUnit: { select: { name: true } },
            },
          },
        },
      },
      termins: {
        orderBy: { position: "asc" },
        select: { position: true, description: true, percentBp: true, amount: true },
      },
    },
  });
}

type Facts = Awaited<ReturnType<typeof loadContractDocumentFacts>>;

/** The signed contract's summary (surat perjanjian): parties, value, period, payment, bond, the two signatures as recorded. */
export function renderContract(c: Facts, ppkSignedAt: Date): Promise<Buffer> {
  const { agency } = c.tender.paket;
  const day = (d: Date) => formatDateInZone(d, agency.timeZone, "id");
  return renderPdf({ title: `Kontrak ${c.number}`, author: agency.name }, (doc) => {
    doc.fontSize(12).font("Helvetica-Bold").text(toPdfText(agency.name.toUpperCase()), { align: "center" });
    doc.font("Helvetica").fontSize(10).text(toPdfText(c.tender.paket.workUnit.name), { align: "center" }).moveDown();
    doc.font("Helvetica-Bold").fontSize(12).text("SURAT PERJANJIAN (KONTRAK)", { align: "center" });
    doc
      .font("Helvetica")
      .fontSize(10)
      .text(toPdfText(`Nomor: ${c.number}`), { align: "center" })
      .moveDown();
    pdfRow(
      doc,
      "Paket",
      `${c.tender.paket.name} (kode tender ${c.tender.code}, RUP ${c.tender.paket.rupCode}, TA ${c.tender.paket.fiscalYear})`,
    );
    pdfRow(doc, "Pihak pertama (PPK)", `${c.ppkSignatoryName}, ${c.ppkSignatoryPosition}, NIP ${c.ppkSignatoryNip}`);
    pdfRow(
      doc,
      "Pihak kedua (penyedia)",
      `${c.vendor.name}, ${c.vendor.address}, ${c.vendor.city}, ${c.vendor.province}`,
    );
    pdfRow(doc, "Diwakili oleh", `${c.vendorSignatoryName}, ${c.vendorSignatoryPosition}`);
    if (c.vendorMandateNumber)
      pdfRow(
        doc,
        "Berdasarkan surat kuasa",
        `Nomor ${c.vendorMandateNumber} tanggal ${day(c.vendorMandateDate!)} dari ${c.vendorMandateGrantor}`,
      );
    pdfRow(doc, "Nilai kontrak", formatRupiah(c.value));
    pdfRow(doc, "Jangka waktu", `${day(c.startsOn)} s.d. ${day(c.endsOn)}`);
    pdfRow(doc, "Cara pembayaran", c.paymentMode === "BULANAN" ? "Bulanan" : "Termin");
    pdfRow(
      doc,
      "Jaminan pelaksanaan",
      c.bondBasis === "NONE"
        ? `Tidak disyaratkan (${c.bondLegalBasis})`
        : `${formatRupiah(c.bondAmount)} (${c.bondPercentBp / 100}% dari ${c.bondBasis === "HPS" ? "HPS" : "nilai kontrak"}; ${c.bondLegalBasis})`,
    );
    pdfHeading(doc, "Rencana pembayaran");
    for (const t of c.termins)
      doc.text(toPdfText(`${t.position}. ${t.description}: ${t.percentBp / 100}% = ${formatRupiah(t.amount)}`), {
        indent: 12,
      });
    pdfHeading(doc, "Penandatanganan");
    doc.text(
      toPdfText(`Penyedia: ${c.vendorSignatoryName}, ${formatInZone(c.vendorSignedAt!, agency.timeZone, "id")}`),
    );
    doc.text(toPdfText(`PPK: ${c.ppkSignatoryName}, ${formatInZone(ppkSignedAt, agency.timeZone, "id")}`));
    doc.moveDown().fontSize(8).fillColor("#555555").text(toPdfText(SIGNATURE_NOTE));
  });
}

/** The SPMK: the PPK orders the vendor to start the work on the day. */
export function renderSpmk(c: Facts, spmk: { number: string; issuedAt: Date; startsOn: Date }): Promise<Buffer> {
  const { agency } = c.tender.paket;
  const day = (d: Date) => formatDateInZone(d, agency.timeZone, "id");
  return renderPdf({ title: `SPMK ${spmk.number}`, author: agency.name }, (doc) => {
    doc.fontSize(12).font("Helvetica-Bold").text(toPdfText(agency.name.toUpperCase()), { align: "center" }).moveDown();
    doc.text("SURAT PERINTAH MULAI KERJA (SPMK)", { align: "center" });
    doc
      .font("Helvetica")
      .fontSize(10)
      .text(toPdfText(`Nomor: ${spmk.number}`), { align: "center" })
      .moveDown();
    pdfRow(doc, "Kontrak", c.number);
    pdfRow(doc, "Paket", c.tender.paket.name);
    pdfRow(doc, "Kepada", `${c.vendor.name}, ${c.vendor.address}, ${c.vendor.city}`);
    pdfRow(doc, "Tanggal mulai kerja", day(spmk.startsOn));
    pdfRow(doc, "Jangka waktu kontrak", `${day(c.startsOn)} s.d. ${day(c.endsOn)}`);
    doc.moveDown().text(toPdfText(`Pejabat Pembuat Komitmen: ${c.ppkSignatoryName}, NIP ${c.ppkSignatoryNip}`));
    doc
      .moveDown()
      .fontSize(8)
      .fillColor("#555555")
      .text(
        toPdfText(
          `Diterbitkan secara elektronik melalui Segel pada ${formatInZone(spmk.issuedAt, agency.timeZone, "id")}.`,
        ),
      );
  });
}
