"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form";
import { publishNonTenderDocumentsAction } from "../non-tender.actions";

const KINDS = ["BERITA_ACARA", "RANCANGAN_KONTRAK", "LAINNYA"] as const;

/**
 * Uploads one file to /api/documents (streamed, not through a server action), then
 * publishes the record's documents. If publishing fails the file stays private and the
 * page offers "publish now" again.
 */
export function NonTenderDocumentsUpload({ recordId, unpublished }: { recordId: string; unpublished: number }) {
  const t = useTranslations("procurement.nonTender");
  const router = useRouter();
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const publish = async () => {
    const result = await publishNonTenderDocumentsAction({ nonTenderRecordId: recordId });
    setMessage(result.ok ? { ok: true, text: t("upload.done") } : { ok: false, text: result.message });
    router.refresh();
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return;
    startTransition(async () => {
      const response = await fetch(`/api/documents?nonTenderRecordId=${recordId}&kind=${String(data.get("kind"))}`, {
        method: "POST",
        headers: { "X-File-Name": encodeURIComponent(file.name), "Content-Type": "application/octet-stream" },
        body: file,
      });
      const reply = (await response.json().catch(() => null)) as { ok: boolean; message?: string } | null;
      if (!reply?.ok) {
        setMessage({ ok: false, text: reply?.message ?? t("upload.failed") });
        return;
      }
      form.reset();
      await publish();
    });
  }

  return (
    <div className="space-y-3">
      {unpublished > 0 ? (
        <p className="flex flex-wrap items-center gap-2 text-sm text-amber-900">
          {t("upload.pending", { count: unpublished })}
          <button
            type="button"
            disabled={isPending}
            onClick={() => startTransition(publish)}
            className={buttonClass("secondary", "px-3 py-1")}
          >
            {t("upload.publish")}
          </button>
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-busy={isPending}>
        <div className="space-y-1">
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
            {t("upload.kind")}
          </label>
          <select id={`${id}-kind`} name="kind" className={inputClass}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documentKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {t("upload.file")}
          </label>
          <input id={`${id}-file`} name="file" type="file" required className="text-sm" />
        </div>
        <button type="submit" disabled={isPending} className={buttonClass("primary")}>
          {isPending ? t("upload.uploading") : t("upload.submit")}
        </button>
      </form>
      <p className="text-xs text-slate-600">{t("upload.hint")}</p>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
