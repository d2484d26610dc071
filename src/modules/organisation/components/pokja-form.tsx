"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { changePokjaMembersAction, formPokjaAction } from "../organisation.actions";
import { ActionForm, Field, GroupError, inputClass } from "@/components/ui/form";

interface Candidate {
  id: string;
  name: string;
  nip: string | null;
}

type Props =
  | { mode: "form"; agencyId: string; candidates: Candidate[] }
  | { mode: "change"; pokjaId: string; candidates: Candidate[]; memberIds: string[]; leaderId: string | null };

/** Form a Pokja, or change one's members: a checkbox and a leader radio per candidate. */
export function PokjaForm(props: Props) {
  const t = useTranslations("organisation");
  const isForm = props.mode === "form";
  if (props.candidates.length === 0) return <p className="text-sm text-slate-700">{t("form.noCandidates")}</p>;
  return (
    <ActionForm<unknown>
      action={isForm ? formPokjaAction : changePokjaMembersAction}
      doneText={t(isForm ? "form.done" : "pokjas.changed")}
      resetOnDone={isForm}
    >
      {isForm ? (
        <>
          <input type="hidden" name="agencyId" value={props.agencyId} />
          <Field name="name" label={t("form.name")} hint={t("form.nameHint")}>
            {(field) => <input {...field} required minLength={3} maxLength={200} className={inputClass} />}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="skNumber" label={t("form.skNumber")} hint={t("form.skNumberHint")}>
              {(field) => <input {...field} required maxLength={100} className={inputClass} />}
            </Field>
            <Field name="skDate" label={t("form.skDate")}>
              {(field) => <input {...field} type="date" required className={inputClass} />}
            </Field>
          </div>
        </>
      ) : (
        <input type="hidden" name="pokjaId" value={props.pokjaId} />
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("form.members")}</legend>
        <p className="text-xs text-slate-600">{t("form.membersHint")}</p>
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {props.candidates.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  name="memberIds"
                  value={c.id}
                  defaultChecked={!isForm && props.memberIds.includes(c.id)}
                />
                <span>
                  {c.name}
                  {c.nip ? <span className="text-slate-500"> · {c.nip}</span> : null}
                </span>
              </label>
              <label className="flex items-center gap-1 text-slate-700">
                <input
                  type="radio"
                  name="leaderId"
                  value={c.id}
                  defaultChecked={!isForm && props.leaderId === c.id}
                  aria-label={t("form.leaderFor", { name: c.name })}
                />
                <span aria-hidden="true">{t("form.leader")}</span>
              </label>
            </li>
          ))}
        </ul>
        <GroupError name="memberIds" />
        <GroupError name="leaderId" />
      </fieldset>
      <button type="submit" className={buttonClass("primary")}>
        {t(isForm ? "form.submit" : "pokjas.changeSubmit")}
      </button>
    </ActionForm>
  );
}
