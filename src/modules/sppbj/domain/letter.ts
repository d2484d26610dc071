import type { BlockerKey } from "@/modules/sanggah/domain";

/**
 * The SPPBJ's number: the tender code makes it unique (one SPPBJ per tender), the
 * agency code and the year in the agency's own zone make it readable in its register.
 */
export function sppbjLetterNumber(tenderCode: string, agencyCode: string, issuedAt: Date, timeZone: string): string {
  const year = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric" }).format(issuedAt);
  return `SPPBJ/${tenderCode}/${agencyCode}/${year}`;
}

/** The errors.json key that explains why the SPPBJ waits. */
export function blockerMessageKey(key: BlockerKey): string {
  return `sppbj${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}
