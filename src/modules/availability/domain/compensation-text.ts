import { formatInZone } from "@/lib/time";
import type { OutageScope } from "./enums";

const SCOPE_NOTE: Record<OutageScope, string> = {
  INSTANCE: "",
  UPLOADS: " (unggah berkas gagal)",
  SIGN_IN: " (masuk ke portal gagal)",
};

/** "7 Jan 2027 10.00–7 Jan 2027 12.30 WIB": the zone once, at the end (both ends share it). */
export function outageInterval(outage: { startsAt: Date; endsAt: Date }, timeZone: string): string {
  const start = formatInZone(outage.startsAt, timeZone, "id").replace(/ \S+$/, "");
  return `${start}–${formatInZone(outage.endsAt, timeZone, "id")}`;
}

/**
 * The public reason of a compensation's schedule change (ScheduleChange.reason, shown in the
 * tender's schedule history), in Indonesian as every published reason is.
 */
export function compensationReason(
  outage: { startsAt: Date; endsAt: Date; scope: OutageScope },
  timeZone: string,
): string {
  return `Kompensasi gangguan sistem ${outageInterval(outage, timeZone)}${SCOPE_NOTE[outage.scope]}`;
}
