import type { TenderRef } from "@/modules/notifications/domain";
import type { SanggahDecision } from "./decision";

/** Notification texts of sanggah and sanggah banding, in Indonesian (see notifications/domain/messages.ts). */
const clip = (text: string, max = 1500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const verdict = (decision: SanggahDecision) => (decision === "ACCEPTED" ? "DITERIMA" : "DITOLAK");

export function sanggahFiledMessage(tender: TenderRef, vendorName: string, body: string) {
  return {
    kind: "sanggah.filed",
    title: `Sanggah baru: tender ${tender.code}`,
    body: `${vendorName} mengajukan sanggah atas hasil pemilihan tender ${tender.code} (${tender.name}):\n\n${clip(body)}`,
    link: `/pokja/sanggah/${tender.id}`,
  };
}

export function sanggahAnsweredMessage(tender: TenderRef, decision: SanggahDecision, answer: string) {
  return {
    kind: "sanggah.answered",
    title: `Jawaban sanggah: tender ${tender.code}`,
    body: `Pokja Pemilihan menjawab sanggah Anda pada tender ${tender.code} (${tender.name}): sanggah ${verdict(decision)}.\n\n${clip(answer)}`,
    link: `/penyedia/sanggah/${tender.id}`,
  };
}

export function bandingFiledMessage(tender: TenderRef, vendorName: string) {
  return {
    kind: "sanggah.bandingFiled",
    title: `Sanggah banding: tender ${tender.code}`,
    body: `${vendorName} mengajukan sanggah banding pada tender ${tender.code} (${tender.name}). Proses pemilihan tertahan sampai PA/KPA menjawab.`,
    link: "/kpa",
  };
}

export function bandingAnsweredMessage(tender: TenderRef, decision: SanggahDecision, answer: string) {
  return {
    kind: "sanggah.bandingAnswered",
    title: `Jawaban sanggah banding: tender ${tender.code}`,
    body: `PA/KPA menjawab sanggah banding pada tender ${tender.code} (${tender.name}): sanggah banding ${verdict(decision)}.\n\n${clip(answer)}`,
    link: `/penyedia/sanggah/${tender.id}`,
  };
}
