/**
 * The grounds on which a PPK may terminate a contract (pemutusan kontrak), and which of them
 * are the vendor's fault. Pure: the use case stores the ground, the fault decides who is told.
 *
 * Source, CITED FROM MEMORY (not checked against the gazetted text here): Perpres 16/2018
 * Pasal 93 ayat (1) as amended by Perpres 12/2021 lists the first six; ayat (2) says that on a
 * termination for the vendor's fault the performance bond is claimed and the vendor is put on
 * the daftar hitam. Keadaan kahar (force majeure) is the contract's general conditions, i.e.
 * configuration of the contract, not a ground of Pasal 93.
 */
export const TERMINATION_GROUNDS = [
  "KEBUTUHAN_TIDAK_DAPAT_DITUNDA",
  "TIDAK_MAMPU_MENYELESAIKAN",
  "TIDAK_SELESAI_SETELAH_KESEMPATAN",
  "LALAI_CIDERA_JANJI",
  "KKN_KECURANGAN_PEMALSUAN",
  "PENGADUAN_TERBUKTI",
  "KEADAAN_KAHAR",
] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

/** The ground's Indonesian label, as the vendor's notification and the OCDS release name it. */
export const TERMINATION_GROUND_LABELS: Record<TerminationGround, string> = {
  KEBUTUHAN_TIDAK_DAPAT_DITUNDA: "Kebutuhan barang/jasa tidak dapat ditunda melebihi batas berakhirnya kontrak",
  TIDAK_MAMPU_MENYELESAIKAN: "Penyedia tidak akan mampu menyelesaikan pekerjaan walaupun diberi kesempatan",
  TIDAK_SELESAI_SETELAH_KESEMPATAN: "Penyedia tidak menyelesaikan pekerjaan setelah diberi kesempatan",
  LALAI_CIDERA_JANJI: "Penyedia lalai/cidera janji dan tidak memperbaikinya dalam waktu yang ditetapkan",
  KKN_KECURANGAN_PEMALSUAN: "Penyedia terbukti melakukan KKN, kecurangan dan/atau pemalsuan",
  PENGADUAN_TERBUKTI: "Pengaduan tentang penyimpangan prosedur, KKN dan/atau persaingan tidak sehat dinyatakan benar",
  KEADAAN_KAHAR: "Keadaan kahar",
};

/**
 * Grounds for which the vendor answers (Pasal 93 ayat (2), from memory). PENGADUAN_TERBUKTI
 * counts as the vendor's fault too: a proven complaint may concern the committee rather than
 * the vendor, but Segel keeps it simple and lets the PA/KPA, who is only told, judge that.
 * KEBUTUHAN_TIDAK_DAPAT_DITUNDA and KEADAAN_KAHAR are no one's fault.
 */
const VENDOR_FAULT: ReadonlySet<TerminationGround> = new Set([
  "TIDAK_MAMPU_MENYELESAIKAN",
  "TIDAK_SELESAI_SETELAH_KESEMPATAN",
  "LALAI_CIDERA_JANJI",
  "KKN_KECURANGAN_PEMALSUAN",
  "PENGADUAN_TERBUKTI",
]);

export const isVendorFault = (ground: TerminationGround): boolean => VENDOR_FAULT.has(ground);

/**
 * The performance bond the PPK claims from its issuer after a termination for the vendor's
 * fault (Pasal 93 ayat (2) huruf a, from memory); null when the ground is not the vendor's fault
 * or the contract has no bond. Segel records the amount; the claim itself is made at the bank
 * or insurer that issued the guarantee. The other consequences of ayat (2), the rest of an
 * advance (uang muka) and late penalties, are not modelled.
 */
export function bondToClaim(ground: TerminationGround, bond: { basis: string; amount: bigint }): bigint | null {
  return isVendorFault(ground) && bond.basis !== "NONE" && bond.amount > 0n ? bond.amount : null;
}
