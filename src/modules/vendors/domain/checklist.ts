/**
 * What a Verifikator must see on file before a vendor can be verified. Perpres 16/2018 as
 * amended by Perpres 12/2021 asks of a penyedia that it meets the qualification for its
 * field: a business licence, a taxpayer's NPWP, and the legal standing its deed and its
 * management give it. Perlem LKPP 9/2018 (replaced by Perlem LKPP 12/2021) describes the
 * penyedia data kept in SIKaP (identity, izin usaha from OSS with the NIB and KBLI under
 * PP 5/2021, akta, pengurus) that the LPSE verifies against the originals. The articles are
 * not cited because they were not checked here. That each deed and permit needs its
 * scanned document attached, and that the pengurus is a person recorded as direksi, is
 * practice: configuration, not law.
 */

export const CHECKLIST_ITEMS = ["npwp", "nib", "kbli", "deed", "permit", "person"] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export interface ChecklistProfile {
  npwp: string;
  nib: string;
  kbli: readonly string[];
  deeds: readonly { id: string; kind: string; documentId: string | null }[];
  permits: readonly { id: string; validUntil: Date | null; documentId: string | null }[];
  people: readonly { id: string; kind: string }[];
}

export interface ChecklistRow {
  item: ChecklistItem;
  isMet: boolean;
  /** the profile entries that meet the item (deeds, permits, people), to open their documents */
  evidenceIds: string[];
}

/** "Akta Pendirian" as the form offers it, or a deed typed by hand that says pendirian. */
export const isDeedOfEstablishment = (kind: string): boolean => /pendirian/i.test(kind);

/** A permit still in force at `now` (the database clock): no end date, or one still ahead. */
export const isPermitValid = (permit: { validUntil: Date | null }, now: Date): boolean =>
  permit.validUntil === null || permit.validUntil.getTime() > now.getTime();

/** Each item, met or not, with what meets it. */
export function verificationChecklist(profile: ChecklistProfile, now: Date): ChecklistRow[] {
  const deeds = profile.deeds.filter((d) => isDeedOfEstablishment(d.kind) && d.documentId !== null);
  const permits = profile.permits.filter((p) => isPermitValid(p, now) && p.documentId !== null);
  const people = profile.people.filter((p) => p.kind === "DIREKSI");
  const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
  const row = (item: ChecklistItem, isMet: boolean, evidenceIds: string[] = []): ChecklistRow => ({
    item,
    isMet,
    evidenceIds,
  });
  return [
    row("npwp", profile.npwp.trim() !== ""),
    row("nib", profile.nib.trim() !== ""),
    row("kbli", profile.kbli.length > 0),
    row("deed", deeds.length > 0, ids(deeds)),
    row("permit", permits.length > 0, ids(permits)),
    row("person", people.length > 0, ids(people)),
  ];
}

export const missingItems = (checklist: readonly ChecklistRow[]): ChecklistItem[] =>
  checklist.filter((r) => !r.isMet).map((r) => r.item);

/**
 * The values of the errors.json message that names what is missing: one ICU select per
 * item ("missing" or "met"), so the message lists them in the reader's language.
 */
export const missingItemValues = (missing: readonly ChecklistItem[]): Record<ChecklistItem, string> =>
  Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, missing.includes(item) ? "missing" : "met"])) as Record<
    ChecklistItem,
    string
  >;
