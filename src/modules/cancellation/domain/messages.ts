import type { TenderRef } from "@/modules/notifications/domain";

/** Notification texts of a cancelled tender, in Indonesian (see notifications/domain/messages.ts). */
export function tenderCancelledMessage(tender: TenderRef, reason: string) {
  return {
    kind: "tender.cancelled",
    title: `Tender dibatalkan: ${tender.code}`,
    body: `Tender ${tender.code} (${tender.name}) dibatalkan. Penawaran tidak dapat lagi disampaikan dan proses pemilihan dihentikan.\n\nAlasan: ${reason}`,
    link: `/tender/${tender.code}`,
  };
}

/** The PPK gets the paket back (docs/decisions/0023): to revise it and hand it over again, or not. */
export function paketReturnedMessage(tender: TenderRef, paketId: string, reason: string) {
  return {
    kind: "paket.returnedToPpk",
    title: `Tender dibatalkan, paket kembali ke PPK: ${tender.code}`,
    body: `Pokja Pemilihan membatalkan tender ${tender.code} untuk paket ${tender.name}. Paket kembali berstatus draf: dapat ditinjau lalu diserahkan kembali kepada Pokja Pemilihan bila masih diperlukan.\n\nAlasan: ${reason}`,
    link: `/paket/${paketId}`,
  };
}
