import type { TenderRef } from "@/modules/notifications/domain";
import type { SanggahKind } from "./sanggah-kind";

/** The notice to every participant that the announced award no longer stands (Indonesian, like every stored message). */
export function awardWithdrawnMessage(tender: TenderRef, by: SanggahKind) {
  const what = by === "SANGGAH" ? "sanggah" : "sanggah banding";
  return {
    kind: "tender.awardWithdrawn",
    title: `Penetapan pemenang dibatalkan: tender ${tender.code}`,
    body:
      `Sebuah ${what} pada tender ${tender.code} (${tender.name}) diterima, sehingga pengumuman pemenang tidak berlaku lagi. ` +
      `Pokja Pemilihan akan melakukan evaluasi ulang atau menyatakan tender gagal; hasilnya akan diumumkan kembali.`,
    link: `/tender/${tender.code}/pemenang`,
  };
}
