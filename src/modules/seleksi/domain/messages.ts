import type { TenderRef } from "@/modules/notifications/domain";

/** Notification texts of prakualifikasi, in Indonesian (as notifications/domain/messages.ts). */
const clip = (text: string, max = 1500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function shortlistResultMessage(tender: TenderRef, shortlisted: boolean, reason: string | null) {
  return {
    kind: "seleksi.shortlistAnnounced",
    title: `Hasil prakualifikasi: ${tender.code}`,
    body: shortlisted
      ? `Perusahaan Anda masuk daftar pendek seleksi ${tender.code} (${tender.name}). Undangan menyampaikan penawaran dikirim pada tahap undangan.`
      : `Perusahaan Anda tidak masuk daftar pendek seleksi ${tender.code} (${tender.name}).${reason ? `\n\nAlasan: ${clip(reason)}` : ""}\n\nSanggah prakualifikasi dapat diajukan pada masa sanggah prakualifikasi.`,
    link: `/penyedia/tender/${tender.id}/prakualifikasi`,
  };
}

export function prequalificationRepeatedMessage(tender: TenderRef, round: number, reason: string) {
  return {
    kind: "seleksi.prequalificationRepeated",
    title: `Prakualifikasi ulang: ${tender.code}`,
    body: `Prakualifikasi seleksi ${tender.code} (${tender.name}) diulang (babak ${round}) karena peserta yang lulus kurang dari ketentuan. Kirim kembali dokumen kualifikasi pada jadwal yang baru.\n\nAlasan: ${clip(reason)}`,
    link: `/penyedia/tender/${tender.id}/prakualifikasi`,
  };
}

export function prequalificationFailedMessage(tender: TenderRef, reason: string) {
  return {
    kind: "seleksi.prequalificationFailed",
    title: `Seleksi gagal: ${tender.code}`,
    body: `Seleksi ${tender.code} (${tender.name}) dinyatakan gagal pada prakualifikasi.\n\nAlasan: ${clip(reason)}`,
    link: `/tender/${tender.code}`,
  };
}

export function sanggahPrakualifikasiFiledMessage(tender: TenderRef, vendorName: string, body: string) {
  return {
    kind: "seleksi.sanggahFiled",
    title: `Sanggah prakualifikasi: ${tender.code}`,
    body: `${vendorName} mengajukan sanggah atas hasil prakualifikasi ${tender.code} (${tender.name}):\n\n${clip(body)}`,
    link: `/pokja/tender/${tender.id}/prakualifikasi`,
  };
}

export function sanggahPrakualifikasiAnsweredMessage(tender: TenderRef, accepted: boolean, answer: string) {
  return {
    kind: "seleksi.sanggahAnswered",
    title: `Jawaban sanggah prakualifikasi: ${tender.code}`,
    body: `Pokja Pemilihan menjawab sanggah prakualifikasi Anda pada ${tender.code} (${tender.name}): sanggah ${accepted ? "DITERIMA; hasil prakualifikasi akan diputuskan dan diumumkan kembali" : "DITOLAK"}.\n\n${clip(answer)}`,
    link: `/penyedia/tender/${tender.id}/prakualifikasi`,
  };
}

export function invitationMessage(tender: TenderRef) {
  return {
    kind: "seleksi.invited",
    title: `Undangan seleksi: ${tender.code}`,
    body: `Perusahaan Anda, peserta daftar pendek, diundang mengikuti pemberian penjelasan dan menyampaikan penawaran seleksi ${tender.code} (${tender.name}) sesuai jadwal.`,
    link: `/penyedia/tender/${tender.id}`,
  };
}

/** To the Pokja: shortlisted firms the invitation skipped because they are on the daftar hitam now. */
export function notInvitedBlacklistedMessage(
  tender: TenderRef,
  firms: readonly { vendorName: string; decreeNumber: string }[],
) {
  return {
    kind: "seleksi.notInvitedBlacklisted",
    title: `Peserta daftar pendek tidak diundang: ${tender.code}`,
    body: `Undangan seleksi ${tender.code} (${tender.name}) tidak dikirim kepada peserta daftar pendek berikut karena masuk daftar hitam setelah daftar pendek diumumkan:\n\n${firms.map((f) => `- ${f.vendorName} (SK ${f.decreeNumber})`).join("\n")}`,
    link: `/pokja/tender/${tender.id}/prakualifikasi`,
  };
}
