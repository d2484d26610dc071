/**
 * How large a tender's structured qualification requirements may be. Configuration, not
 * law: Perlem LKPP 12/2021 lets the Pokja set the requirements the paket needs and names
 * no number; these bounds keep one tender's list readable and its JSON small (a paket
 * that needs more than ten permits or twenty experts is a sign of a requirement that
 * restricts competition, which Perpres 16/2018 Pasal 6 and 7 forbid).
 */
export const REQUIREMENT_LIMITS = {
  permits: 10,
  kbliPerPermit: 20,
  staff: 20,
  equipment: 20,
  /** a count asked for: contracts, people, pieces of equipment */
  minCount: 1,
  maxCount: 100,
  /** years: of experience asked of a person, or how far back contracts count */
  minYears: 0,
  maxYears: 50,
  /** a permit kind, a position, an education, an equipment name */
  textMax: 200,
} as const;

/**
 * The annual tax return (SPT Tahunan PPh Badan) is due four months after the tax year ends
 * (UU 28/2007 tentang KUP Pasal 3 ayat (3) huruf c), so until the end of April the return
 * of two years before is still "the last" one a company can show.
 */
export const TAX_RETURN_DUE_MONTH = 4;
