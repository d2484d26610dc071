import type { QualificationRequirements } from "./shapes";

/** Whether the list asks anything at all: an all-empty list is stored as none (null). */
export function hasRequirements(r: QualificationRequirements | null): r is QualificationRequirements {
  return (
    r !== null &&
    (r.permits.length > 0 ||
      r.experience !== null ||
      r.staff.length > 0 ||
      r.equipment.length > 0 ||
      r.financial !== null)
  );
}
