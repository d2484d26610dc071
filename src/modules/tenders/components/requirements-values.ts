import { formatRupiah } from "@/lib/money";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import type { RequirementsValues } from "./requirements-form";

/** The stored requirements as the set-up form's text (amounts as a person types them). */
export function requirementsValues(r: QualificationRequirements | null): RequirementsValues {
  const rupiah = (digits: string | null) => (digits === null ? "" : formatRupiah(BigInt(digits)));
  return {
    permits: (r?.permits ?? []).map((p) => ({ kind: p.kind, kbli: p.kbli.join(", ") })),
    experience: r?.experience
      ? {
          minCount: String(r.experience.minCount),
          minValue: rupiah(r.experience.minValue),
          withinYears: String(r.experience.withinYears),
        }
      : null,
    staff: (r?.staff ?? []).map((s) => ({
      position: s.position,
      minCount: String(s.minCount),
      minYears: String(s.minYears),
      education: s.education ?? "",
    })),
    equipment: (r?.equipment ?? []).map((e) => ({ name: e.name, minCount: String(e.minCount) })),
    financial: r?.financial ? { minNetWorth: rupiah(r.financial.minNetWorth), taxReturn: r.financial.taxReturn } : null,
  };
}
