import "server-only";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  missingItems,
  missingItemValues,
  verificationChecklist,
  type ChecklistProfile,
  type ChecklistRow,
} from "../domain/checklist";

const CHECKLIST_SELECT = {
  id: true,
  npwp: true,
  nib: true,
  kbli: true,
  deeds: { select: { id: true, kind: true, document: { select: { id: true, vendorId: true } } } },
  permits: { select: { id: true, validUntil: true, document: { select: { id: true, vendorId: true } } } },
  people: { select: { id: true, kind: true } },
} as const;

/** A document counts as evidence only when it is the company's own upload. */
const ownDocumentId = (vendorId: string, document: { id: string; vendorId: string | null } | null) =>
  document && document.vendorId === vendorId ? document.id : null;

/** The vendor's checklist at `now` (the database clock), from the rows as they are. */
export async function loadChecklist(client: Db | Tx, vendorId: string, now: Date): Promise<ChecklistRow[]> {
  const v = await client.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: CHECKLIST_SELECT });
  const profile: ChecklistProfile = {
    npwp: v.npwp,
    nib: v.nib,
    kbli: v.kbli,
    deeds: v.deeds.map((d) => ({ id: d.id, kind: d.kind, documentId: ownDocumentId(v.id, d.document) })),
    permits: v.permits.map((p) => ({
      id: p.id,
      validUntil: p.validUntil,
      documentId: ownDocumentId(v.id, p.document),
    })),
    people: v.people,
  };
  return verificationChecklist(profile, now);
}

/** Refuses, naming every missing item, unless the checklist is met. */
export function assertChecklistMet(checklist: readonly ChecklistRow[]): void {
  const missing = missingItems(checklist);
  if (missing.length > 0) throw new AppError("INVALID_STATE", "vendorChecklistUnmet", missingItemValues(missing));
}
