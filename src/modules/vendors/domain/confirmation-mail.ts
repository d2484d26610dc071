/**
 * The mail that confirms a vendor user's address at registration (issue 11, item 3). Pure:
 * the link and its lifetime come in. The link is a one-use secret, redacted from the
 * outbox once sent (src/modules/notifications, decision 0033).
 */

/** Resends of the confirmation mail per user per hour: configuration, not law. */
export const CONFIRMATION_RESENDS_PER_HOUR = 3;

export function emailConfirmationMail(input: { name: string; company: string; link: string; days: number }) {
  return {
    subject: "Konfirmasi alamat email akun penyedia",
    text:
      `Yth. ${input.name},\n\nAlamat ini didaftarkan sebagai akun pengguna ${input.company} di portal pengadaan LPSE. ` +
      `Buka tautan ini untuk mengonfirmasinya (hanya dapat dipakai sekali, berlaku ${input.days} hari):\n\n${input.link}\n\n` +
      `Profil perusahaan baru dapat dikirim untuk verifikasi setelah alamat ini dikonfirmasi. ` +
      `Jika Anda tidak mendaftar, abaikan surel ini.`,
  };
}
