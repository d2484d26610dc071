import { formatRupiah } from "@/lib/money";
import { TERMINATION_GROUND_LABELS, type TerminationGround } from "./termination-grounds";

/**
 * What the other side is told of a change in the contract's execution (inbox and e-mail, in
 * Indonesian as every notification is). Pure: the caller gives the figures.
 */
export interface ContractRef {
  number: string;
  paketName: string;
}

export const progressMessage = (c: ContractRef, position: number, percent: number) => ({
  kind: "contract.progressReported",
  title: `Kemajuan pekerjaan ${percent}%: kontrak ${c.number}`,
  body: `Penyedia melaporkan kemajuan pekerjaan ${percent}% pada termin ${position} kontrak ${c.number} (${c.paketName}).`,
});

export const bastMessage = (c: ContractRef, position: number, bastNumber: string, completed: boolean) => ({
  kind: "contract.bastRecorded",
  title: `BAST termin ${position}: kontrak ${c.number}`,
  body:
    `PPK mencatat berita acara serah terima (BAST) nomor ${bastNumber} untuk termin ${position} kontrak ${c.number} (${c.paketName}).` +
    (completed ? " Seluruh pekerjaan telah diserahterimakan: kontrak selesai." : ""),
});

export const paymentMessage = (c: ContractRef, position: number, amount: bigint, reference: string) => ({
  kind: "contract.paymentRecorded",
  title: `Pembayaran termin ${position}: kontrak ${c.number}`,
  body: `PPK mencatat pembayaran termin ${position} kontrak ${c.number} (${c.paketName}) sebesar ${formatRupiah(amount)}, bukti ${reference}.`,
});

export const addendumMessage = (c: ContractRef, number: number, valueAfter: bigint) => ({
  kind: "contract.amended",
  title: `Adendum ${number}: kontrak ${c.number}`,
  body: `PPK mencatat adendum ${number} kontrak ${c.number} (${c.paketName}); nilai kontrak kini ${formatRupiah(valueAfter)}.`,
});

/** The bond sentence both messages carry when the vendor was at fault and gave a performance bond. */
const bondSentence = (bond: bigint | null) =>
  bond === null ? "" : ` Jaminan pelaksanaan sebesar ${formatRupiah(bond)} dicairkan.`;

export const terminationMessage = (c: ContractRef, ground: TerminationGround, reason: string, bond: bigint | null) => ({
  kind: "contract.terminated",
  title: `Kontrak ${c.number} diputus`,
  body: `PPK memutus kontrak ${c.number} (${c.paketName}). Dasar: ${TERMINATION_GROUND_LABELS[ground]}. Alasan: ${reason}${bondSentence(bond)}`,
});

/**
 * To the PA/KPA of the paket's agency when the vendor was at fault (Perpres 16/2018 Pasal 93
 * ayat (2), from memory): the daftar hitam is their decree, so Segel only tells them it is due.
 */
export const blacklistDueMessage = (
  c: ContractRef,
  vendor: { name: string; npwp: string },
  ground: TerminationGround,
  bond: bigint | null,
) => ({
  kind: "contract.blacklistDue",
  title: `Keputusan daftar hitam: ${vendor.name}`,
  body:
    `PPK memutus kontrak ${c.number} (${c.paketName}) karena kesalahan penyedia ${vendor.name} (NPWP ${vendor.npwp}): ` +
    `${TERMINATION_GROUND_LABELS[ground]}.${bondSentence(bond)} Sebagai PA/KPA, tetapkan apakah penyedia ini dimasukkan ke daftar hitam.`,
});

export const ratingMessage = (c: ContractRef) => ({
  kind: "contract.rated",
  title: `Penilaian kinerja: kontrak ${c.number}`,
  body: `PPK telah menilai kinerja perusahaan Anda pada kontrak ${c.number} (${c.paketName}).`,
});
