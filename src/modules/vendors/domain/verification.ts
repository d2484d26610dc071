/**
 * The LPSE's verification of a vendor's registration: a Verifikator checks the data
 * against the originals before the company may take part in e-tendering (the checklist
 * and its legal basis: checklist.ts).
 * A new registration is PENDING but not yet sent (submittedAt null): the company confirms
 * its e-mail and completes its profile, then sends it. PENDING and sent → VERIFIED or
 * REJECTED by a Verifikator; REJECTED → PENDING when the company sends it again;
 * VERIFIED → PENDING when legal data changes, so what was verified is always what is on
 * file.
 */

/** Prisma's VendorStatus (checked in src/server/domain-enums.ts). */
export const VENDOR_STATUSES = ["PENDING", "VERIFIED", "REJECTED"] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

/** A rejection must tell the company what to fix; a word or two does not. */
export const REJECTION_REASON_MIN = 10;

interface Standing {
  status: VendorStatus;
  submittedAt: Date | null;
}

/** In the Verifikator's queue: pending and sent. */
export const canDecide = (v: Standing): boolean => v.status === "PENDING" && v.submittedAt !== null;

/** A new registration not sent yet, or a rejected one to send again. */
export const canSubmit = (v: Standing): boolean =>
  (v.status === "PENDING" && v.submittedAt === null) || v.status === "REJECTED";

/** Only a verified vendor may register for a tender, ask questions, or bid. */
export const mayTakePart = (status: VendorStatus): boolean => status === "VERIFIED";

/** The company fields checked against the deed and the tax/OSS records. */
export const LEGAL_COMPANY_FIELDS = ["name", "businessForm", "npwp", "nib"] as const;

/** Profile sections whose entries are legal data (permits, deeds). */
export const LEGAL_SECTIONS = ["permit", "deed"] as const;

/** The status after a change to legal data: a verified profile goes back to the queue. */
export const statusAfterLegalChange = (status: VendorStatus): VendorStatus =>
  status === "VERIFIED" ? "PENDING" : status;
