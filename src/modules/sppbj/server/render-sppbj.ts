import "server-only";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { formatNpwp } from "@/modules/vendors/domain";
import { renderPdf } from "@/server/pdf";
import { rupiahInWords } from "../domain/terbilang";

export interface SppbjCompany {
  name: string;
  npwp: string;
  address: string;
  city: string;
  province: string;
}

export interface SppbjLetter {
  letterNumber: string;
  issuedAt: Date;
  timeZone: string;
  agencyName: string;
  workUnitName: string;
  ppk: { name: string; nip: string | null };
  winner: SppbjCompany;
  price: bigint;
  paket: { name: string; rupCode: string; fiscalYear: number; hps: bigint | null };
  tenderCode: string;
  reserves: { rank: number; company: SppbjCompany; price: bigint | null }[];
}

const companyLine = (c: SppbjCompany) =>
  `${c.name}, NPWP ${formatNpwp(c.npwp)}, ${c.address}, ${c.city}, ${c.province}`;

/**
 * The SPPBJ letter (Perpres 16/2018 as amended by Perpres 12/2021; Perlem LKPP 12/2021
 * Lampiran II): the winner is appointed at its corrected price, written in figures and
 * in words, and asked to sign the contract; the reserves are named.
 */
export function renderSppbj(letter: SppbjLetter): Promise<Buffer> {
  return renderPdf({ title: `SPPBJ ${letter.tenderCode}`, author: letter.agencyName }, (doc) => {
    const at = formatInZone(letter.issuedAt, letter.timeZone, "id");
    doc.fontSize(12).font("Helvetica-Bold").text(letter.agencyName.toUpperCase(), { align: "center" });
    doc.font("Helvetica").fontSize(10).text(letter.workUnitName, { align: "center" }).moveDown();
    doc.font("Helvetica-Bold").fontSize(12).text("SURAT PENUNJUKAN PENYEDIA BARANG/JASA (SPPBJ)", { align: "center" });
    doc.font("Helvetica").fontSize(10).text(`Nomor: ${letter.letterNumber}`, { align: "center" }).moveDown();
    doc.text(`Tanggal: ${at}`).moveDown();
    doc.text("Kepada Yth.").font("Helvetica-Bold").text(letter.winner.name).font("Helvetica");
    doc
      .text(`NPWP ${formatNpwp(letter.winner.npwp)}`)
      .text(`${letter.winner.address}, ${letter.winner.city}, ${letter.winner.province}`)
      .moveDown();
    doc.text(`Perihal: Penunjukan Penyedia untuk pelaksanaan paket ${letter.paket.name}`).moveDown();
    doc
      .text(
        `Dengan ini kami beritahukan bahwa penawaran Saudara untuk paket ${letter.paket.name} (kode tender ${letter.tenderCode}, kode RUP ${letter.paket.rupCode}, tahun anggaran ${letter.paket.fiscalYear}) ` +
          `dengan harga penawaran terkoreksi sebesar ${formatRupiah(letter.price)} (${rupiahInWords(letter.price)}) kami nyatakan diterima dan Saudara ditunjuk sebagai penyedia.`,
        { align: "justify" },
      )
      .moveDown();
    if (letter.paket.hps !== null) doc.text(`Nilai HPS paket: ${formatRupiah(letter.paket.hps)}.`).moveDown();
    doc
      .text(
        "Sebagai tindak lanjut SPPBJ ini, Saudara diminta menyerahkan jaminan pelaksanaan bila dipersyaratkan dan menandatangani kontrak sesuai ketentuan dokumen pemilihan. " +
          "Apabila Saudara mengundurkan diri atau tidak menandatangani kontrak tanpa alasan yang dapat diterima, Saudara dikenakan sanksi sesuai Peraturan Presiden Nomor 16 Tahun 2018 sebagaimana telah diubah dengan Peraturan Presiden Nomor 12 Tahun 2021.",
        { align: "justify" },
      )
      .moveDown();
    if (letter.reserves.length) {
      doc.text("Calon pemenang cadangan:");
      for (const r of letter.reserves)
        doc.text(
          `${r.rank}. ${companyLine(r.company)}${r.price !== null ? `; harga terkoreksi ${formatRupiah(r.price)}` : ""}`,
          { indent: 12 },
        );
      doc.moveDown();
    }
    doc.text("Pejabat Pembuat Komitmen,").moveDown(2);
    doc.font("Helvetica-Bold").text(letter.ppk.name).font("Helvetica");
    if (letter.ppk.nip) doc.text(`NIP ${letter.ppk.nip}`);
    doc
      .moveDown(2)
      .fontSize(8)
      .fillColor("#555555")
      .text(`Diterbitkan secara elektronik melalui LPSE Segel pada ${at}.`);
  });
}
