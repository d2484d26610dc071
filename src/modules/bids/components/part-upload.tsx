"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import type { BidPart } from "@/generated/prisma/enums";
import { rememberFileName } from "./staged-file-names";
import { uploadFile } from "@/lib/upload-file";

type Status = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "done"; text: string } | { kind: "error"; text: string };

/**
 * Uploads one bid part to the streaming route with XMLHttpRequest (fetch cannot report
 * upload progress; a 20 MB file on a slow line at the deadline needs a bar).
 */
export function PartUpload({ tenderId, part, onUploaded }: { tenderId: string; part: BidPart; onUploaded: () => void }) {
  const t = useTranslations("bids.upload");
  const p = useTranslations("bids.part");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setStatus({ kind: "error", text: t("noFile") });
    void uploadFile<{ id: string }>(`/api/bids/files?tenderId=${encodeURIComponent(tenderId)}&part=${part}`, file, (percent) =>
      setStatus({ kind: "uploading", percent }),
    ).then((reply) => {
      if (reply.ok && reply.data) {
        rememberFileName(reply.data.id, file.name);
        setStatus({ kind: "done", text: t("uploaded", { name: file.name }) });
        if (input.current) input.current.value = "";
        onUploaded();
      } else {
        setStatus({ kind: "error", text: t("failed", { message: reply.message ?? (reply.status ? String(reply.status) : "network") }) });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid={`upload-${part}`}>
      <label htmlFor={`${id}-file`} className="block text-sm font-medium">{t("fileLabel", { part: p(part) })}</label>
      <div className="flex flex-wrap items-center gap-2">
        <input id={`${id}-file`} ref={input} type="file" accept=".pdf,.docx,.xlsx,.zip,.png,.jpg,.jpeg" className="text-sm" />
        <button type="submit" disabled={status.kind === "uploading"} className={buttonClass("secondary")}>{t("button")}</button>
      </div>
      {status.kind === "uploading" ? (
        <div role="status">
          <progress max={100} value={status.percent} aria-label={t("progress")} className="w-full" />
          <span className="text-sm">{t("uploading", { percent: status.percent })}</span>
        </div>
      ) : null}
      {status.kind === "done" ? <p role="status" className="text-sm text-green-800">{status.text}</p> : null}
      {status.kind === "error" ? <p role="alert" className="text-sm text-red-800">{status.text}</p> : null}
    </form>
  );
}
