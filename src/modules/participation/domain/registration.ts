import type { ProcurementMethod } from "@/modules/paket/domain";
import type { TenderStatus } from "@/modules/tenders/domain";

export type RegistrationRefusal =
  "tenderNotPublic" | "tenderNotOpenForRegistration" | "tenderRegistrationClosed" | "tenderByInvitationOnly";

/**
 * May a vendor register for this tender at `now` (the database clock)? Only an announced
 * tender, and only until the bid deadline (the end of UPLOAD_PENAWARAN): registration
 * exists to let a vendor ask and bid, and after the deadline there is nothing left to do.
 * The deadline instant itself is already too late, like a bid (schedule.ts isWithin).
 *
 * A penunjukan langsung is no open competition: its one vendor is invited, and registered
 * with the invitation (Perpres 16/2018 Pasal 38 ayat (5)); nobody registers for it.
 */
export function registrationRefusal(
  status: TenderStatus,
  bidDeadline: Date | null,
  now: Date,
  method: ProcurementMethod | null = null,
): RegistrationRefusal | null {
  if (status === "DRAFT") return "tenderNotPublic";
  if (method === "PENUNJUKAN_LANGSUNG") return "tenderByInvitationOnly";
  if (status !== "PUBLISHED") return "tenderNotOpenForRegistration";
  if (!bidDeadline || now.getTime() >= bidDeadline.getTime()) return "tenderRegistrationClosed";
  return null;
}
