"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";

/** Attaches evidence to the vendor's own sanggah or banding (kind LAINNYA, private to the agency and the vendor). */
export function SanggahDocumentUpload({ sanggahId }: { sanggahId: string }) {
  const t = useTranslations("remedies");
  const id = useId();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setStatus({ ok: false, text: t("common.noFile") });
    setBusy(true);
    try {
      const response = await fetch(`/api/documents?sanggahId=${encodeURIComponent(sanggahId)}&kind=LAINNYA`, {
        method: "POST",
        headers: { "X-File-Name": encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { ok?: boolean; message?: string };
      if (response.ok && body.ok) {
        setStatus({ ok: true, text: t("common.uploaded", { name: file.name }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else
        setStatus({ ok: false, text: t("common.uploadFailed", { message: body.message ?? String(response.status) }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-busy={busy}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("vendor.attach")}
      </label>
      <input id={id} ref={input} type="file" className="text-sm" />
      <button type="submit" disabled={busy} className={buttonClass("secondary")}>
        {t("common.upload")}
      </button>
      {status ? (
        <p
          role={status.ok ? "status" : "alert"}
          className={`w-full text-sm ${status.ok ? "text-green-800" : "text-red-800"}`}
        >
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
