"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { uploadFile } from "@/lib/upload-file";

const KINDS = ["KAK", "SPESIFIKASI", "RANCANGAN_KONTRAK", "LAINNYA"] as const;

/**
 * Uploads one paket document through /api/documents (streamed, not a server action).
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function DocumentUpload({ paketId }: { paketId: string }) {
  const t = useTranslations("paket.documents");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("KAK");
  const [progress, setProgress] = useState<number | null>(null);
  const [alert, setAlert] = useState<{ ok: boolean; text: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setAlert({ ok: false, text: t("chooseFile") });
    setAlert(null);
    void uploadFile(`/api/documents?paketId=${encodeURIComponent(paketId)}&kind=${kind}`, file, setProgress).then(
      (reply) => {
        setProgress(null);
        if (reply.ok) {
          setAlert({ ok: true, text: t("uploaded", { name: file.name }) });
          if (fileRef.current) fileRef.current.value = "";
          router.refresh();
        } else {
          setAlert({ ok: false, text: reply.message ?? t("networkError") });
        }
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="document-kind" className="mb-1 block text-sm font-medium">
            {t("kind")}
          </label>
          <select
            id="document-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            className={inputClass}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="document-file" className="mb-1 block text-sm font-medium">
            {t("file")}
          </label>
          <input
            id="document-file"
            ref={fileRef}
            type="file"
            aria-describedby="document-file-hint"
            className="block w-full text-sm"
          />
          <p id="document-file-hint" className="mt-1 text-xs text-slate-600">
            {t("hint")}
          </p>
        </div>
      </div>
      {progress !== null ? (
        <div className="space-y-1">
          <progress
            data-testid="upload-progress"
            value={progress}
            max={100}
            aria-label={t("progress")}
            className="h-2 w-full"
          />
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("uploading", { percent: progress })}
          </p>
        </div>
      ) : null}
      <FormMessage message={alert} />
      <button type="submit" disabled={progress !== null} className={buttonClass("secondary")}>
        {t("upload")}
      </button>
    </form>
  );
}
