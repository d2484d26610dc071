import { formatInZone } from "@/lib/time";
import { formatRupiah } from "@/lib/money";
import type { TenderRef } from "@/modules/notifications/domain";

/** Notification texts of a penunjukan langsung, in Indonesian (see notifications/domain/messages.ts). */
const bidLink = (tender: TenderRef) => `/penyedia/penawaran/${tender.id}`;

export function penunjukanStartedMessage(tender: TenderRef, failedCode: string) {
  return {
    kind: "penunjukanLangsung.started",
    title: `Penunjukan langsung disiapkan: ${tender.code}`,
    body: `PA/KPA menyetujui penunjukan langsung untuk paket ${tender.name} setelah tender ulang ${failedCode} gagal. Pokja menyiapkan undangan ${tender.code}: penyedia, dokumen pemilihan dan jadwal.`,
    link: `/pokja/tender/${tender.id}`,
  };
}

export function penunjukanInvitationMessage(tender: TenderRef, window: { startsAt: Date; endsAt: Date }) {
  const at = (d: Date) => formatInZone(d, tender.timeZone, "id");
  return {
    kind: "penunjukanLangsung.invited",
    title: `Undangan penunjukan langsung: ${tender.code}`,
    body: `Perusahaan Anda diundang dalam penunjukan langsung ${tender.code} untuk paket ${tender.name}. Dokumen pemilihan dan jadwal ada di halaman tender. Penawaran disampaikan terenkripsi mulai ${at(window.startsAt)} sampai ${at(window.endsAt)}.`,
    link: bidLink(tender),
  };
}

export function negotiationMessage(tender: TenderRef, agreedPrice: bigint) {
  return {
    kind: "penunjukanLangsung.negotiated",
    title: `Hasil klarifikasi dan negosiasi: ${tender.code}`,
    body: `Pokja mencatat hasil klarifikasi dan negosiasi penunjukan langsung ${tender.code} (${tender.name}). Harga yang disepakati: ${formatRupiah(agreedPrice)}.`,
    link: `/tender/${tender.code}`,
  };
}
