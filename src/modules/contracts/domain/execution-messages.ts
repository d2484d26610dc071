import { formatRupiah } from "@/lib/money";

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

export const terminationMessage = (c: ContractRef, reason: string) => ({
  kind: "contract.terminated",
  title: `Kontrak ${c.number} diputus`,
  body: `PPK memutus kontrak ${c.number} (${c.paketName}). Alasan: ${reason}`,
});

export const ratingMessage = (c: ContractRef) => ({
  kind: "contract.rated",
  title: `Penilaian kinerja: kontrak ${c.number}`,
  body: `PPK telah menilai kinerja perusahaan Anda pada kontrak ${c.number} (${c.paketName}).`,
});
