"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form";
import { publishAddendumAction } from "../addenda.actions";

type Status = { ok: boolean; text: string } | null;

/**
 * Uploads the addendum file to the streaming route (kind ADENDUM), then publishes it with
 * its summary. Both steps are checked on the server; this only sequences them.
 */
export function PublishAddendumForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("questions.pokja");
  const id = useId();
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    const summary = (form.elements.namedItem("summary") as HTMLTextAreaElement).value;
    if (!file) return setStatus({ ok: false, text: t("addendumNoFile") });
    if (!window.confirm(t("addendumConfirm"))) return;
    startTransition(async () => {
      setStatus({ ok: true, text: t("addendumUploading") });
      const response = await fetch(`/api/documents?tenderId=${encodeURIComponent(tenderId)}&kind=ADENDUM`, {
        method: "POST",
        headers: { "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      }).catch(() => null);
      const uploaded = (await response?.json().catch(() => null)) as {
        ok?: boolean;
        message?: string;
        data?: { id: string };
      } | null;
      if (!response?.ok || !uploaded?.data)
        return setStatus({
          ok: false,
          text: t("addendumUploadFailed", { message: uploaded?.message ?? String(response?.status ?? "network") }),
        });
      const result = await publishAddendumAction({ tenderId, documentId: uploaded.data.id, summary });
      if (!result.ok)
        return setStatus({
          ok: false,
          text: [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" "),
        });
      setStatus({ ok: true, text: t("addendumDone") });
      form.reset();
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-busy={isPending} noValidate>
      <fieldset disabled={isPending} className="contents">
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
            {t("addendumFile")}
          </label>
          <input id={`${id}-file`} name="file" type="file" required className="block text-sm" />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-summary`} className="block text-sm font-medium text-slate-800">
            {t("addendumSummary")}
          </label>
          <textarea
            id={`${id}-summary`}
            name="summary"
            required
            minLength={10}
            maxLength={4000}
            rows={4}
            className={inputClass}
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("addendumSubmit")}
        </button>
      </fieldset>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-green-800" : "text-red-800"}`}>
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
