"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { uploadFile } from "@/lib/upload-file";

type Status =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string };

/**
 * Uploads a document of the tender (by default a dokumen pemilihan; a cancellation's letter
 * as PEMBATALAN) to the streaming route with XMLHttpRequest, because fetch cannot report
 * upload progress and a 50 MB document on a slow line needs a bar.
 */
export function DocumentUpload({
  tenderId,
  kind = "DOKUMEN_PEMILIHAN",
  label,
  hint,
}: {
  tenderId: string;
  kind?: "DOKUMEN_PEMILIHAN" | "PEMBATALAN";
  label?: string;
  hint?: string;
}) {
  const t = useTranslations("tender.setup");
  const id = useId();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setStatus({ kind: "error", text: t("noFile") });
    void uploadFile(`/api/documents?tenderId=${encodeURIComponent(tenderId)}&kind=${kind}`, file, (percent) =>
      setStatus({ kind: "uploading", percent }),
    ).then((reply) => {
      if (reply.ok) {
        setStatus({ kind: "done", text: t("uploaded", { name: file.name }) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        setStatus({
          kind: "error",
          text: t("uploadFailed", { message: reply.message ?? (reply.status ? String(reply.status) : "network") }),
        });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div>
        <label htmlFor={`${id}-file`} className="block font-medium">
          {label ?? t("document")}
        </label>
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          name="file"
          aria-describedby={`${id}-hint`}
          className="mt-1 block text-sm"
        />
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint ?? t("documentHint")}
        </p>
      </div>
      <button type="submit" disabled={status.kind === "uploading"} className={buttonClass("secondary")}>
        {t("upload")}
      </button>
      {status.kind === "uploading" ? (
        <div role="status">
          <progress max={100} value={status.percent} aria-label={t("uploadProgress")} className="w-full" />
          <span className="text-sm">{t("uploading", { percent: status.percent })}</span>
        </div>
      ) : null}
      {status.kind === "done" ? (
        <p role="status" className="text-sm text-green-800">
          {status.text}
        </p>
      ) : null}
      {status.kind === "error" ? (
        <p role="alert" className="text-sm text-red-800">
          {status.text}
        </p>
      ) : null}
    </form>
  );
}
