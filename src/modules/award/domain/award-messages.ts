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

/**
 * Told to the other members of the Pokja when one proposes the winner: the proposal takes
 * effect only when a majority approves (docs/decisions/0025), so it must not wait unseen.
 */
export function winnerProposedMessage(
  tender: { id: string; code: string; name: string },
  proposal: { proposerName: string; winnerName: string },
) {
  return {
    kind: "winnerProposal.proposed",
    title: `Usulan pemenang menunggu persetujuan: tender ${tender.code}`,
    body:
      `${proposal.proposerName} mengusulkan ${proposal.winnerName} sebagai pemenang tender ${tender.code} (${tender.name}).\n\n` +
      `Usulan berlaku setelah disetujui lebih dari separuh anggota Pokja Pemilihan. Periksa dasar usulan, lalu setujui atau nyatakan tidak setuju dengan alasannya.`,
    link: `/pokja/evaluasi/${tender.id}`,
  };
}
