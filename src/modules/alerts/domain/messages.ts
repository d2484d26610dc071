import { formatRupiah } from "@/lib/money";

/**
 * The alerts' notification texts. Like every notification they are stored once per
 * recipient, so they are written in Bahasa Indonesia (notifications/domain/messages.ts).
 */
export const ALERT_MATCH_KIND = "savedSearch.match";
export const ALERT_DIGEST_KIND = "savedSearch.digest";
/** A digest lists this many tenders; the rest are counted (the page lists them too). */
export const DIGEST_LIST_MAX = 50;

export interface MatchedTender {
  code: string;
  name: string;
  hps: bigint | null;
}

const line = (t: MatchedTender) => `• ${t.code}: ${t.name}${t.hps === null ? "" : ` (HPS ${formatRupiah(t.hps)})`}`;

export function matchMessage(searchName: string, tender: MatchedTender) {
  return {
    kind: ALERT_MATCH_KIND,
    title: `Tender baru sesuai "${searchName}": ${tender.code}`,
    body: `Tender baru yang sesuai dengan pencarian tersimpan "${searchName}" telah diumumkan:\n\n${line(tender)}`,
    link: `/tender/${tender.code}`,
  };
}

export function digestMessage(searchName: string, tenders: readonly MatchedTender[]) {
  const shown = tenders.slice(0, DIGEST_LIST_MAX).map(line).join("\n");
  const more = tenders.length > DIGEST_LIST_MAX ? `\n… dan ${tenders.length - DIGEST_LIST_MAX} tender lainnya.` : "";
  return {
    kind: ALERT_DIGEST_KIND,
    title: `Ringkasan harian "${searchName}": ${tenders.length} tender baru`,
    body: `Tender yang diumumkan sejak ringkasan sebelumnya dan sesuai dengan pencarian tersimpan "${searchName}":\n\n${shown}${more}\n\nBuka setiap tender di halaman pengumuman dengan kodenya.`,
    link: "/penyedia/pencarian-tersimpan",
  };
}
