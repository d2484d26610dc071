/**
 * What the company's users are told, in their inbox and by e-mail, when a Verifikator
 * decides: plainly, with the reason for a rejection and what to do next. Indonesian, as
 * every notification is.
 */

export function verifiedMessage(name: string) {
  return {
    kind: "vendor.verified",
    title: `${name} telah diverifikasi`,
    body:
      `Verifikator LPSE telah memverifikasi data ${name}. Perusahaan Anda kini dapat ikut tender: ` +
      `buka pengumuman tender lalu pilih "Ikut tender ini".\n\n` +
      `Bila data legal (nama, bentuk usaha, NPWP, NIB, izin, akta) berubah, profil kembali diverifikasi.`,
    link: "/penyedia/profil",
  };
}

export function rejectedMessage(name: string, reason: string) {
  return {
    kind: "vendor.rejected",
    title: `Verifikasi ${name} ditolak`,
    body:
      `Verifikator LPSE menolak data ${name} dengan alasan:\n\n${reason}\n\n` +
      `Yang perlu dilakukan: perbaiki data atau dokumen pada profil perusahaan, lalu pilih ` +
      `"Kirim untuk verifikasi" agar diperiksa kembali.`,
    link: "/penyedia/profil",
  };
}
