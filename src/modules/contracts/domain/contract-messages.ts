/**
 * What each side is told of the other's step (inbox and e-mail, in Indonesian as every
 * notification of Segel). Pure: the use cases add the link and the recipients.
 */
interface Ref {
  number: string;
  paketName: string;
}

export const sentMessage = (c: Ref) => ({
  kind: "contract.sent",
  title: `Rancangan kontrak ${c.number} menunggu tinjauan Anda`,
  body: `PPK mengirim rancangan kontrak paket ${c.paketName}. Tinjau isinya, lalu tanda tangani atau minta perubahan dengan catatan.`,
});

export const changeRequestedMessage = (c: Ref) => ({
  kind: "contract.changeRequested",
  title: `Penyedia meminta perubahan kontrak ${c.number}`,
  body: `Penyedia meminta perubahan rancangan kontrak paket ${c.paketName}. Catatannya ada di halaman kontrak; rancangan kembali menjadi draf.`,
});

export const vendorSignedMessage = (c: Ref) => ({
  kind: "contract.vendorSigned",
  title: `Penyedia menandatangani kontrak ${c.number}`,
  body: `Penyedia telah menandatangani kontrak paket ${c.paketName}. Kontrak berlaku setelah PPK menandatanganinya.`,
});

export const ppkSignedMessage = (c: Ref) => ({
  kind: "contract.signed",
  title: `Kontrak ${c.number} telah ditandatangani`,
  body: `PPK telah menandatangani kontrak paket ${c.paketName}. Dokumen kontrak tersedia di halaman kontrak; pekerjaan dimulai setelah SPMK.`,
});

export const spmkMessage = (c: Ref & { spmkNumber: string; startsOn: string }) => ({
  kind: "contract.spmkIssued",
  title: `SPMK ${c.spmkNumber} diterbitkan`,
  body: `PPK menerbitkan Surat Perintah Mulai Kerja untuk kontrak ${c.number} (paket ${c.paketName}). Pekerjaan dimulai ${c.startsOn}.`,
});
