import { formatRupiah } from "@/lib/money";

/**
 * The notification sent to every participant when the winner is announced. Indonesian,
 * like every stored message (src/modules/notifications/domain/messages.ts): it is the
 * language of the procurement itself.
 */
export function winnerAnnouncedMessage(
  tender: { code: string; name: string },
  winner: { name: string; correctedPrice: bigint },
  sanggah: { days: number; endsAtText: string },
) {
  return {
    kind: "tender.winnerAnnounced",
    title: `Pengumuman pemenang: tender ${tender.code}`,
    body:
      `Pokja Pemilihan mengumumkan pemenang tender ${tender.code} (${tender.name}): ${winner.name} ` +
      `dengan harga penawaran terkoreksi ${formatRupiah(winner.correctedPrice)}.\n\n` +
      `Peserta dapat melihat hasil evaluasinya dan menyampaikan sanggah dalam ${sanggah.days} hari kalender, sampai ${sanggah.endsAtText}.`,
    link: `/tender/${tender.code}/pemenang`,
  };
}
