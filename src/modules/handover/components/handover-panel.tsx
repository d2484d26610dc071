"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { handOverPaketAction } from "../handover.actions";
import type { HandOverOptions } from "../server/find-handover-targets";

interface Props {
  paketId: string;
  methodLabel: string;
  options: HandOverOptions;
}

/** The PPK picks the Pokja (tender, seleksi) or the Pejabat Pengadaan (pengadaan langsung). */
export function HandOverPanel({ paketId, methodLabel, options }: Props) {
  const t = useTranslations("paket.handover");
  if (options.target === null) return <p className="text-sm text-slate-700">{t("notSupported")}</p>;

  const field = options.target === "POKJA" ? "pokjaId" : "pejabatPengadaanId";
  const choices =
    options.target === "POKJA"
      ? options.pokjas.map((p) => ({
          id: p.id,
          label: t(p.isValidSize ? "pokjaOption" : "pokjaInvalid", { name: p.name, count: p.memberCount }),
        }))
      : options.pejabatPengadaan.map((u) => ({ id: u.id, label: u.name }));

  return (
    <ActionForm
      action={handOverPaketAction}
      doneText={(done) => (done.tenderCode ? t("doneTender", { code: done.tenderCode }) : t("donePejabat"))}
      resetOnDone={false}
    >
      <p className="text-sm text-slate-700">
        {options.target === "POKJA" ? t("toPokja", { method: methodLabel }) : t("toPejabat")}
      </p>
      <p className="text-sm text-slate-600">{t("needs")}</p>
      {choices.length === 0 ? (
        <p className="text-sm text-amber-900">{t(options.target === "POKJA" ? "noPokja" : "noPejabat")}</p>
      ) : (
        <>
          <input type="hidden" name="paketId" value={paketId} />
          <Field name={field} label={t(options.target === "POKJA" ? "pokja" : "pejabat")}>
            {(props) => (
              <select {...props} defaultValue="" required className={inputClass}>
                <option value="">{t("choose")}</option>
                {choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
