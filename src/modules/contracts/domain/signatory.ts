/**
 * Who may sign for the vendor: a member of its direksi (pengurus) as its verified profile
 * lists them. The direksi represents the company (UU 40/2007 Pasal 98 ayat (1), for a PT;
 * the active partner of a CV is recorded the same way). Names are compared as people type
 * them: their letters and digits only, in any case, so "IR RUDI HARTONO" and "Ir.Rudi
 * Hartono" are "Ir. Rudi Hartono". A power of attorney (surat kuasa) is not modelled: the PPK names a
 * director.
 */
const normalised = (name: string) =>
  name
    .normalize("NFKC")
    .toLocaleLowerCase("id")
    .replace(/[^\p{L}\p{N}]+/gu, "");

export function isDireksi(signatoryName: string, direksi: readonly { name: string }[]): boolean {
  const wanted = normalised(signatoryName);
  return wanted !== "" && direksi.some((person) => normalised(person.name) === wanted);
}
