import { formatInZone } from "@/lib/time";

/**
 * The texts of Segel's notifications. Stored once per recipient, so they are written in
 * Bahasa Indonesia, the language of the procurement itself (Perpres 16/2018 documents
 * are Indonesian); the inbox chrome around them follows the reader's language.
 */
export interface TenderRef {
  id: string;
  code: string;
  name: string;
  timeZone: string;
}

const penjelasanLink = (tenderId: string) => `/penyedia/tender/${tenderId}/penjelasan`;
const clip = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function questionAskedMessage(tender: TenderRef, question: string) {
  return {
    kind: "question.asked",
    title: `Pertanyaan baru: tender ${tender.code}`,
    body: `Ada pertanyaan baru pada pemberian penjelasan tender ${tender.code} (${tender.name}):\n\n${clip(question)}`,
    link: `/pokja/penjelasan/${tender.id}`,
  };
}

export function questionAnsweredMessage(tender: TenderRef, question: string, answer: string, isEdit: boolean) {
  return {
    kind: isEdit ? "question.answerEdited" : "question.answered",
    title: `${isEdit ? "Jawaban diperbarui" : "Jawaban baru"}: tender ${tender.code}`,
    body: `Pokja Pemilihan ${isEdit ? "memperbarui jawaban" : "menjawab pertanyaan"} pada pemberian penjelasan tender ${tender.code} (${tender.name}).\n\nPertanyaan:\n${clip(question)}\n\nJawaban:\n${clip(answer, 2000)}`,
    link: penjelasanLink(tender.id),
  };
}

export const ADDENDUM_KIND = "tender.addendumPublished";

/** The link identifies the addendum, so the banner can tell one addendum from another. */
export const addendumLink = (tenderId: string, documentId: string) =>
  `${penjelasanLink(tenderId)}#adendum-${documentId}`;

export function addendumPublishedMessage(tender: TenderRef, documentId: string, summary: string) {
  return {
    kind: ADDENDUM_KIND,
    title: `Adendum dokumen pemilihan: tender ${tender.code}`,
    body: `Pokja Pemilihan menerbitkan adendum dokumen pemilihan tender ${tender.code} (${tender.name}). Penawaran harus mengikuti adendum ini.\n\nRingkasan:\n${clip(summary, 2000)}`,
    link: addendumLink(tender.id, documentId),
  };
}

export function scheduleChangedMessage(
  tender: TenderRef,
  stageLabel: string,
  startsAt: Date,
  endsAt: Date,
  reason: string,
) {
  const z = (d: Date) => formatInZone(d, tender.timeZone, "id");
  return {
    kind: "tender.scheduleChanged",
    title: `Perubahan jadwal: tender ${tender.code}`,
    body: `Jadwal tahap ${stageLabel} tender ${tender.code} (${tender.name}) diubah menjadi ${z(startsAt)} sampai ${z(endsAt)}.\n\nAlasan: ${clip(reason)}`,
    link: `/tender/${tender.code}`,
  };
}

export const COMPENSATION_KIND = "tender.scheduleCompensated";

/**
 * Time given back after the portal (or part of it) was down (issue 13): why, and by how
 * much each stage moved. `extensions` lists each stage with its hours added and new end.
 */
export function scheduleCompensatedMessage(
  tender: TenderRef,
  outage: string,
  extensions: readonly { stageLabel: string; hours: number; newEndsAt: Date }[],
) {
  const z = (d: Date) => formatInZone(d, tender.timeZone, "id");
  const lines = extensions.map((e) => `- ${e.stageLabel}: diperpanjang ${e.hours} jam, berakhir ${z(e.newEndsAt)}`);
  return {
    kind: COMPENSATION_KIND,
    title: `Kompensasi waktu: tender ${tender.code}`,
    body: `Portal tidak dapat digunakan sepenuhnya pada ${outage}. Waktu yang hilang dikembalikan pada tender ${tender.code} (${tender.name}); tahap berikutnya ikut bergeser:\n${lines.join("\n")}`,
    link: `/tender/${tender.code}`,
  };
}

export const DEADLINE_REMINDER_KIND = "bid.deadlineReminder";

export function deadlineReminderMessage(tender: TenderRef, deadline: Date) {
  return {
    kind: DEADLINE_REMINDER_KIND,
    title: `Batas akhir penawaran: tender ${tender.code}`,
    body: `Batas akhir pemasukan penawaran tender ${tender.code} (${tender.name}) adalah ${formatInZone(deadline, tender.timeZone, "id")}. Perusahaan Anda belum menyampaikan penawaran. Penawaran yang masuk setelah batas waktu tidak diterima.`,
    link: `/tender/${tender.code}`,
  };
}
