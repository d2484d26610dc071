"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FormAlert, inputClass } from "@/modules/paket/components/form-field";
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
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [alert, setAlert] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  if (options.target === null) return <p className="text-sm text-slate-700">{t("notSupported")}</p>;

  const field = options.target === "POKJA" ? "pokjaId" : "pejabatPengadaanId";
  const choices =
    options.target === "POKJA"
      ? options.pokjas.map((p) => ({
          id: p.id,
          label: t(p.isValidSize ? "pokjaOption" : "pokjaInvalid", { name: p.name, count: p.memberCount }),
        }))
      : options.pejabatPengadaan.map((u) => ({ id: u.id, label: u.name }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = String(new FormData(event.currentTarget).get(field) ?? "");
    startTransition(async () => {
      const result = await handOverPaketAction({ paketId, [field]: chosen });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setAlert({ tone: "error", text: result.message });
        return;
      }
      setErrors({});
      setAlert({
        tone: "success",
        text: result.data.tenderCode ? t("doneTender", { code: result.data.tenderCode }) : t("donePejabat"),
      });
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <p className="text-sm text-slate-700">
        {options.target === "POKJA" ? t("toPokja", { method: methodLabel }) : t("toPejabat")}
      </p>
      <p className="text-sm text-slate-600">{t("needs")}</p>
      <FormAlert message={alert?.text ?? null} tone={alert?.tone ?? "error"} />
      {choices.length === 0 ? (
        <p className="text-sm text-amber-900">{t(options.target === "POKJA" ? "noPokja" : "noPejabat")}</p>
      ) : (
        <>
          <Field
            id={`handover-${field}`}
            name={field}
            label={t(options.target === "POKJA" ? "pokja" : "pejabat")}
            errors={errors[field]}
          >
            {(aria) => (
              <select {...aria} name={field} defaultValue="" required className={inputClass}>
                <option value="">{t("choose")}</option>
                {choices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={isPending} className={buttonClass("primary")}>
            {isPending ? t("submitting") : t("submit")}
          </button>
        </>
      )}
    </form>
  );
}
