/**
 * Who may sign for the vendor: a member of its direksi (pengurus) as its verified profile
 * lists them. The direksi represents the company (UU 40/2007 Pasal 98 ayat (1), for a PT;
 * the active partner of a CV is recorded the same way). Names are compared as people type
 * them: their letters and digits only, in any case, so "IR RUDI HARTONO" and "Ir.Rudi
 * Hartono" are "Ir. Rudi Hartono". Anyone else signs only under a surat kuasa given by one of
 * those directors (UU 40/2007 Pasal 103, cited from memory), which the draft records.
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

export interface Mandate {
  number: string;
  date: Date;
  grantor: string;
}

/**
 * Why the vendor may not sign as the draft stands, or null: the signatory is a director; or a
 * director gave the surat kuasa, dated no later than the signing.
 */
export function signatoryRefusal(
  signatoryName: string,
  mandate: Mandate | null,
  direksi: readonly { name: string }[],
  signingAt: Date,
): "vendorSignatoryNotDireksi" | "mandateGrantorNotDireksi" | "mandateAfterSigning" | null {
  if (isDireksi(signatoryName, direksi)) return null;
  if (!mandate) return "vendorSignatoryNotDireksi";
  if (!isDireksi(mandate.grantor, direksi)) return "mandateGrantorNotDireksi";
  return mandate.date.getTime() > signingAt.getTime() ? "mandateAfterSigning" : null;
}
