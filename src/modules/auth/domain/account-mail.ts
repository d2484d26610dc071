/**
 * The account mails' words (Indonesian, or English for a user who chose it). Pure: the
 * link and the expiry come in. A mail never holds a password; a one-use link in it is
 * redacted from the outbox once sent (decision 0033).
 */
export type MailLocale = "id" | "en";
export interface AccountMail {
  subject: string;
  text: string;
}

const FOOTER: Record<MailLocale, string> = {
  id: "\n\n--\nPesan otomatis dari LPSE. Jangan membalas surel ini.",
  en: "\n\n--\nAn automatic message from the LPSE. Please do not reply.",
};

const localeOf = (locale: string | null | undefined): MailLocale => (locale === "en" ? "en" : "id");

export function invitationMail(input: {
  name: string;
  invitedBy: string;
  link: string;
  days: number;
  locale?: string;
}): AccountMail {
  const locale = localeOf(input.locale);
  if (locale === "en") {
    return {
      subject: "Your LPSE account: set your password",
      text: `Dear ${input.name},\n\n${input.invitedBy} has created an account for you on the LPSE e-procurement portal. Open this link to set your password (it works once, for ${input.days} days):\n\n${input.link}\n\nIf you did not expect this, ignore this mail.${FOOTER.en}`,
    };
  }
  return {
    subject: "Akun LPSE Anda: atur kata sandi",
    text: `Yth. ${input.name},\n\n${input.invitedBy} telah membuatkan akun untuk Anda di portal pengadaan LPSE. Buka tautan ini untuk mengatur kata sandi Anda (hanya dapat dipakai sekali, berlaku ${input.days} hari):\n\n${input.link}\n\nJika Anda tidak mengharapkan surel ini, abaikan saja.${FOOTER.id}`,
  };
}

export function passwordResetMail(input: {
  name: string;
  link: string;
  minutes: number;
  locale?: string;
}): AccountMail {
  const locale = localeOf(input.locale);
  if (locale === "en") {
    return {
      subject: "Reset your LPSE password",
      text: `Dear ${input.name},\n\nSomeone asked to reset the password of your LPSE account. Open this link to choose a new one (it works once, for ${input.minutes} minutes):\n\n${input.link}\n\nIf it was not you, ignore this mail: your password stays as it is.${FOOTER.en}`,
    };
  }
  return {
    subject: "Atur ulang kata sandi LPSE",
    text: `Yth. ${input.name},\n\nAda permintaan untuk mengatur ulang kata sandi akun LPSE Anda. Buka tautan ini untuk memilih kata sandi baru (hanya dapat dipakai sekali, berlaku ${input.minutes} menit):\n\n${input.link}\n\nJika bukan Anda yang meminta, abaikan surel ini: kata sandi Anda tidak berubah.${FOOTER.id}`,
  };
}

export function passwordChangedMail(input: { name: string; at: string; locale?: string }): AccountMail {
  const locale = localeOf(input.locale);
  if (locale === "en") {
    return {
      subject: "Your LPSE password was changed",
      text: `Dear ${input.name},\n\nThe password of your LPSE account was changed on ${input.at}, and every session of the account was signed out.\n\nIf it was not you, use "Forgot password" on the sign-in page at once and tell your LPSE administrator.${FOOTER.en}`,
    };
  }
  return {
    subject: "Kata sandi LPSE Anda telah diubah",
    text: `Yth. ${input.name},\n\nKata sandi akun LPSE Anda telah diubah pada ${input.at}, dan semua sesi akun ini telah dikeluarkan.\n\nJika bukan Anda yang mengubahnya, segera gunakan "Lupa kata sandi" di halaman masuk dan hubungi admin LPSE Anda.${FOOTER.id}`,
  };
}
