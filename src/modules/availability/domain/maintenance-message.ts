import { formatInZone } from "@/lib/time";

/**
 * The notice a participant gets of an announced window, in Bahasa Indonesia like every
 * stored notification (src/modules/notifications/domain/messages.ts), in the tender's zone.
 */
export function maintenanceNoticeMessage(
  tender: { code: string; name: string; timeZone: string },
  window: { startsAt: Date; endsAt: Date; description: string },
) {
  const z = (d: Date) => formatInZone(d, tender.timeZone, "id");
  return {
    kind: "maintenance.announced",
    title: `Pemeliharaan terjadwal: ${z(window.startsAt)}`,
    body:
      `Portal akan dalam pemeliharaan dari ${z(window.startsAt)} sampai ${z(window.endsAt)}. ` +
      `Selama itu portal hanya dapat dibaca: unggah penawaran, pertanyaan dan sanggah tidak dapat dikirim. ` +
      `Tender ${tender.code} (${tender.name}) mempunyai tahap yang berjalan dalam masa itu; ` +
      `tidak ada batas akhir tahap yang jatuh di dalamnya.\n\n${window.description}`,
    link: `/tender/${tender.code}`,
  };
}
