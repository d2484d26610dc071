import type { TenderStatus } from "@/generated/prisma/enums";

export type RegistrationRefusal = "tenderNotPublic" | "tenderNotOpenForRegistration" | "tenderRegistrationClosed";

/**
 * May a vendor register for this tender at `now` (the database clock)? Only an announced
 * tender, and only until the bid deadline (the end of UPLOAD_PENAWARAN): registration
 * exists to let a vendor ask and bid, and after the deadline there is nothing left to do.
 * The deadline instant itself is already too late, like a bid (schedule.ts isWithin).
 */
export function registrationRefusal(status: TenderStatus, bidDeadline: Date | null, now: Date): RegistrationRefusal | null {
  if (status === "DRAFT") return "tenderNotPublic";
  if (status !== "PUBLISHED") return "tenderNotOpenForRegistration";
  if (!bidDeadline || now.getTime() >= bidDeadline.getTime()) return "tenderRegistrationClosed";
  return null;
}
