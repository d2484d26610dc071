"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { uploadFile } from "@/lib/upload-file";

/**
 * Uploads a company document (akta, NPWP card, permits) through /api/documents with the
 * vendor target. XMLHttpRequest for the progress bar: on a slow line the user sees it move.
 */
export function VendorDocumentUpload({ vendorId }: { vendorId: string }) {
  const t = useTranslations("vendors.documents");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: t("chooseFile") });
    setMessage(null);
    void uploadFile(
      `/api/documents?vendorId=${encodeURIComponent(vendorId)}&kind=DOKUMEN_PENYEDIA`,
      file,
      setProgress,
    ).then((reply) => {
      setProgress(null);
      if (reply.ok) {
        setMessage({ ok: true, text: t("uploaded", { name: file.name }) });
        if (fileRef.current) fileRef.current.value = "";
        router.refresh();
      } else setMessage({ ok: false, text: reply.message ?? t("networkError") });
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div>
        <label htmlFor="vendor-document-file" className="mb-1 block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id="vendor-document-file"
          ref={fileRef}
          type="file"
          aria-describedby="vendor-document-hint"
          className="block w-full text-sm"
        />
        <p id="vendor-document-hint" className="mt-1 text-xs text-slate-600">
          {t("hint")}
        </p>
      </div>
      {progress !== null ? (
        <div className="space-y-1">
          <progress value={progress} max={100} aria-label={t("progress")} className="h-2 w-full" />
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("uploading", { percent: progress })}
          </p>
        </div>
      ) : null}
      <FormMessage message={message} />
      <button type="submit" disabled={progress !== null} className={buttonClass("secondary")}>
        {t("upload")}
      </button>
    </form>
  );
}
