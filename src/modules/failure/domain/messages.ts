import { formatInZone } from "@/lib/time";
import type { TenderRef } from "@/modules/notifications/domain";
import type { PenunjukanDecision } from "./failure-rules";

/** Notification texts of failed tenders and their remedies, in Indonesian (see notifications/domain/messages.ts). */
const publicLink = (tender: TenderRef) => `/tender/${tender.code}`;

export function deadlineExtendedMessage(tender: TenderRef, newDeadline: Date) {
  return {
    kind: "tender.deadlineExtended",
    title: `Batas akhir penawaran diperpanjang: tender ${tender.code}`,
    body: `Tidak ada penawaran yang masuk sampai batas akhir tender ${tender.code} (${tender.name}). Batas akhir pemasukan penawaran diperpanjang satu kali secara otomatis sampai ${formatInZone(newDeadline, tender.timeZone, "id")}.`,
    link: publicLink(tender),
  };
}

export function tenderFailedMessage(tender: TenderRef, reason: string) {
  return {
    kind: "tender.failed",
    title: `Tender gagal: ${tender.code}`,
    body: `Tender ${tender.code} (${tender.name}) dinyatakan gagal.\n\nAlasan: ${reason}`,
    link: publicLink(tender),
  };
}

export function penunjukanLangsungDecidedMessage(tender: TenderRef, decision: PenunjukanDecision, note: string) {
  const isApproved = decision === "APPROVED";
  return {
    kind: "penunjukanLangsung.decided",
    title: `Penunjukan langsung ${isApproved ? "disetujui" : "ditolak"}: ${tender.code}`,
    body: `PA/KPA ${isApproved ? "menyetujui" : "menolak"} usulan penunjukan langsung untuk paket ${tender.name} setelah tender ulang ${tender.code} gagal.\n\nCatatan: ${note}`,
    link: publicLink(tender),
  };
}

export function penunjukanLangsungRequestedMessage(tender: TenderRef) {
  return {
    kind: "penunjukanLangsung.requested",
    title: `Usulan penunjukan langsung: ${tender.code}`,
    body: `Ada usulan penunjukan langsung untuk paket ${tender.name} setelah tender ulang ${tender.code} gagal. Mohon persetujuan PA/KPA.`,
    link: "/kpa",
  };
}
