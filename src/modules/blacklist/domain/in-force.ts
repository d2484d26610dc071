/**
 * When a daftar hitam entry binds. A sanction runs from its start instant (inclusive) to its
 * end instant (exclusive), as the decree states it (Perpres 16/2018 Pasal 78 ayat (5) jo.
 * Perpres 12/2021: sanksi daftar hitam "selama 1 (satu) tahun" or "2 (dua) tahun"), unless it
 * was lifted early (a sanction annulled or shortened by a later decision).
 */
export interface BlacklistPeriod {
  startsAt: Date;
  endsAt: Date;
  liftedAt: Date | null;
}

export const BLACKLIST_STATES = ["upcoming", "inForce", "ended", "lifted"] as const;
export type BlacklistState = (typeof BLACKLIST_STATES)[number];

/** Where an entry stands at `now`; a lifted entry stays "lifted" whatever its period. */
export function blacklistState(entry: BlacklistPeriod, now: Date): BlacklistState {
  if (entry.liftedAt !== null && entry.liftedAt.getTime() <= now.getTime()) return "lifted";
  if (now.getTime() < entry.startsAt.getTime()) return "upcoming";
  if (now.getTime() >= entry.endsAt.getTime()) return "ended";
  return "inForce";
}

/** startsAt <= now < endsAt, not lifted: the entry refuses the company now. */
export const isInForce = (entry: BlacklistPeriod, now: Date): boolean => blacklistState(entry, now) === "inForce";

/**
 * Two entries for one NPWP whose periods share an instant (half-open intervals). A second
 * entry while one still binds would make the list say two things about one company; a
 * later sanction is entered once the first has ended or been lifted.
 */
export function periodsOverlap(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}
