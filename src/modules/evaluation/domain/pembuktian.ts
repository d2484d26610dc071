/**
 * Pembuktian kualifikasi of one ranked bid, as the penetapan reads it.
 *
 * In a tender (pascakualifikasi) the Pokja checks the originals of the best-ranked bidders
 * after the ranking and records it (a PEMBUKTIAN decision; undefined while undecided).
 * With prakualifikasi the qualification was evaluated and proven in the prakualifikasi
 * itself (Perlem LKPP 12/2021 Lampiran II: evaluasi kualifikasi and pembuktian kualifikasi
 * belong to the prakualifikasi), so the procedure's timetable has no pembuktian stage and
 * a bid's pembuktian is its firm's prakualifikasi result in the round in force (passed and
 * on the shortlist: only the shortlist could bid, so normally true). The caller reads the
 * procedure's flag, never the method's name.
 */
export function pembuktianOf(bid: {
  hasPrakualifikasi: boolean;
  /** the PEMBUKTIAN decision recorded for the bid (undefined while undecided) */
  recorded: boolean | undefined;
  /** the firm passed the prakualifikasi of the round in force and is on its shortlist */
  prequalified: boolean;
}): boolean | undefined {
  return bid.hasPrakualifikasi ? bid.prequalified : bid.recorded;
}
