"use client";

import { useTranslations } from "next-intl";
import { Field, GroupError, inputClass } from "@/components/ui/form";
import { formatRupiah } from "@/lib/money";
import type { QualificationRequirements } from "../domain";
import { EQUIPMENT_OWNERSHIP, type QualificationChoicesDraft } from "../qualification.schemas";

/** The vendor's own profile entries the form offers (server/get-qualification-profile.ts). */
export interface QualificationProfile {
  isVerified: boolean;
  kbli: string[];
  permits: { id: string; kind: string; number: string; validUntil: string | null }[];
  experiences: { id: string; contractName: string; client: string; contractValue: string; year: number }[];
  people: { id: string; name: string; position: string; education: string | null }[];
}

export const emptyQualificationChoices = (requirements: QualificationRequirements): QualificationChoicesDraft => ({
  permitIds: [],
  experienceIds: [],
  staff: [],
  equipment: [],
  financial: requirements.financial ? { netWorth: "", taxReturnYear: null } : null,
});

const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

/**
 * The qualification form's fields, filled from the vendor's verified profile: which permits,
 * experiences and people answer each requirement, and the equipment and financial figures
 * typed. Controlled (the bid workspace keeps the value in its state) and also carried in one
 * hidden JSON field named `name`, so a plain <form> (the prakualifikasi page) sends it too.
 * The server copies the entries and checks everything again (buildQualificationForm).
 */
export function QualificationFormFields({
  requirements,
  profile,
  value,
  onChange,
  name = "qualification",
}: {
  requirements: QualificationRequirements;
  profile: QualificationProfile;
  value: QualificationChoicesDraft;
  onChange: (next: QualificationChoicesDraft) => void;
  name?: string;
}) {
  const t = useTranslations("qualification.form");
  const box = "size-6";
  const set = (patch: Partial<QualificationChoicesDraft>) => onChange({ ...value, ...patch });
  const equipmentRow = (i: number) => value.equipment.find((e) => e.forRequirement === i);
  function setEquipment(i: number, patch: Partial<QualificationChoicesDraft["equipment"][number]>) {
    const others = value.equipment.filter((e) => e.forRequirement !== i);
    const base = equipmentRow(i) ?? {
      forRequirement: i,
      name: requirements.equipment[i]!.name,
      count: 0,
      ownership: EQUIPMENT_OWNERSHIP[0],
    };
    const row = { ...base, ...patch };
    set({ equipment: row.count > 0 ? [...others, row].sort((a, b) => a.forRequirement - b.forRequirement) : others });
  }

  if (!profile.isVerified) return <p className="text-sm text-red-800">{t("notVerified")}</p>;
  return (
    <div className="space-y-5">
      <input type="hidden" name={name} value={JSON.stringify(value)} />
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <GroupError name={name} />

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("permits")}</legend>
        <p className="text-xs text-slate-600">
          {requirements.permits.length === 0
            ? t("noneAsked")
            : requirements.permits
                .map((p) => (p.kbli.length ? `${p.kind} (KBLI ${p.kbli.join(", ")})` : p.kind))
                .join("; ")}
        </p>
        {profile.permits.length === 0 ? <p className="text-sm">{t("profileEmpty")}</p> : null}
        {profile.permits.map((p) => (
          <label key={p.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className={box}
              checked={value.permitIds.includes(p.id)}
              onChange={(e) => set({ permitIds: toggle(value.permitIds, p.id, e.target.checked) })}
            />
            {t("permitEntry", { kind: p.kind, number: p.number, validUntil: p.validUntil ?? "-" })}
          </label>
        ))}
        <p className="text-xs text-slate-600">{t("kbli", { codes: profile.kbli.join(", ") || "-" })}</p>
      </fieldset>

      {requirements.experience ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("experience")}</legend>
          <p className="text-xs text-slate-600">
            {t("experienceAsked", {
              count: requirements.experience.minCount,
              value: formatRupiah(BigInt(requirements.experience.minValue)),
              years: requirements.experience.withinYears,
            })}
          </p>
          {profile.experiences.length === 0 ? <p className="text-sm">{t("profileEmpty")}</p> : null}
          {profile.experiences.map((e) => (
            <label key={e.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className={box}
                checked={value.experienceIds.includes(e.id)}
                onChange={(ev) => set({ experienceIds: toggle(value.experienceIds, e.id, ev.target.checked) })}
              />
              {t("experienceEntry", {
                name: e.contractName,
                client: e.client,
                value: formatRupiah(BigInt(e.contractValue)),
                year: e.year,
              })}
            </label>
          ))}
        </fieldset>
      ) : null}

      {requirements.staff.map((r, i) => (
        <fieldset key={`staff-${i}`} className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">
            {t("staff", {
              position: r.position,
              count: r.minCount,
              years: r.minYears,
              education: r.education ?? "-",
            })}
          </legend>
          {profile.people.map((p) => {
            const chosen = value.staff.some((s) => s.vendorPersonId === p.id && s.forRequirement === i);
            return (
              <label key={p.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className={box}
                  checked={chosen}
                  onChange={(e) =>
                    set({
                      staff: e.target.checked
                        ? [...value.staff, { vendorPersonId: p.id, forRequirement: i }]
                        : value.staff.filter((s) => !(s.vendorPersonId === p.id && s.forRequirement === i)),
                    })
                  }
                />
                {t("personEntry", { name: p.name, position: p.position, education: p.education ?? "-" })}
              </label>
            );
          })}
        </fieldset>
      ))}

      {requirements.equipment.map((r, i) => (
        <fieldset key={`equipment-${i}`} className="grid gap-2 sm:grid-cols-2">
          <legend className="text-sm font-medium text-slate-800">
            {t("equipment", { name: r.name, count: r.minCount })}
          </legend>
          <Field name={`${name}.equipment.${i}.count`} label={t("equipmentCount")}>
            {(props) => (
              <input
                {...props}
                name={undefined}
                type="number"
                min={0}
                className={inputClass}
                value={equipmentRow(i)?.count ?? 0}
                onChange={(e) => setEquipment(i, { count: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
              />
            )}
          </Field>
          <Field name={`${name}.equipment.${i}.ownership`} label={t("ownership")}>
            {(props) => (
              <select
                {...props}
                name={undefined}
                className={inputClass}
                value={equipmentRow(i)?.ownership ?? EQUIPMENT_OWNERSHIP[0]}
                onChange={(e) => setEquipment(i, { ownership: e.target.value as (typeof EQUIPMENT_OWNERSHIP)[number] })}
              >
                {EQUIPMENT_OWNERSHIP.map((o) => (
                  <option key={o} value={o}>
                    {t(`ownershipKind.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
      ))}

      {requirements.financial && value.financial ? (
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="text-sm font-medium text-slate-800">{t("financial")}</legend>
          <Field name={`${name}.netWorth`} label={t("netWorth")} hint={t("netWorthHint")}>
            {(props) => (
              <input
                {...props}
                name={undefined}
                inputMode="numeric"
                className={inputClass}
                value={value.financial!.netWorth}
                onChange={(e) => set({ financial: { ...value.financial!, netWorth: e.target.value } })}
              />
            )}
          </Field>
          <Field name={`${name}.taxReturnYear`} label={t("taxReturnYear")}>
            {(props) => (
              <input
                {...props}
                name={undefined}
                type="number"
                className={inputClass}
                value={value.financial!.taxReturnYear ?? ""}
                onChange={(e) =>
                  set({
                    financial: {
                      ...value.financial!,
                      taxReturnYear: e.target.value === "" ? null : Math.trunc(Number(e.target.value)),
                    },
                  })
                }
              />
            )}
          </Field>
        </fieldset>
      ) : null}
    </div>
  );
}
