"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { BidPart } from "../domain/bid-part";
import { rememberFileName } from "./staged-file-names";
import { pendingUploadNames, useResumableUpload } from "./use-resumable-upload";

export interface UploadLimits {
  /** the per-file limit (bid-rules) */
  fileBytes: number;
  /** what is left of the bid's total, as the server counts it (padded sizes) */
  leftBytes: number;
}

const MB = 1_048_576;

/**
 * Uploads one bid part, resumably (tus): a file over the limit is refused here before a
 * byte is sent (the server refuses it again at creation), progress and time remaining are
 * shown, and an upload cut off by the line or a reload goes on from where it stopped
 * when the same file is chosen again.
 */
export function PartUpload({
  tenderId,
  part,
  isRequired = false,
  limits,
  onUploaded,
}: {
  tenderId: string;
  part: BidPart;
  /** the tender's set-up requires this part (issue 15): submit refuses a bid without it */
  isRequired?: boolean;
  limits: UploadLimits;
  onUploaded: () => void;
}) {
  const t = useTranslations("bids.upload");
  const p = useTranslations("bids.part");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { state, start } = useResumableUpload(tenderId, part);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  // uploads this browser began and did not finish, in its localStorage: the server's HTML has none
  const pending = useHydrated() ? pendingUploadNames(tenderId, part) : [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setNote({ ok: false, text: t("noFile") });
    if (file.size === 0) return setNote({ ok: false, text: t("empty") });
    if (file.size > limits.fileBytes)
      return setNote({
        ok: false,
        text: t("tooLarge", { sizeMb: (file.size / MB).toFixed(1), maxMb: Math.floor(limits.fileBytes / MB) }),
      });
    if (file.size > limits.leftBytes)
      return setNote({
        ok: false,
        text: t("overBudget", {
          sizeMb: (file.size / MB).toFixed(1),
          leftMb: (Math.max(0, limits.leftBytes) / MB).toFixed(1),
        }),
      });
    setNote(null);
    void start(file, (staged) => {
      rememberFileName(staged.id, file.name);
      setNote({ ok: true, text: t("uploaded", { name: file.name }) });
      if (input.current) input.current.value = "";
      onUploaded();
    });
  }

  // a file refused here (none, empty, too large) marks the file field for screen readers
  const refused = note !== null && !note.ok;
  const failed =
    state.kind === "error"
      ? t("failed", { message: state.message ?? (state.status ? String(state.status) : t("network")) })
      : null;
  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid={`upload-${part}`}>
      <label htmlFor={`${id}-file`} className="block text-sm font-medium">
        {t("fileLabel", { part: p(part) })}
        {isRequired ? ` ${t("required")}` : null}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-file`}
          ref={input}
          aria-invalid={refused ? true : undefined}
          aria-describedby={refused ? `${id}-note` : undefined}
          type="file"
          accept=".pdf,.docx,.xlsx,.zip,.png,.jpg,.jpeg"
          className="text-sm"
        />
        <button type="submit" disabled={state.kind === "uploading"} className={buttonClass("secondary")}>
          {t("button")}
        </button>
      </div>
      {pending.length > 0 && state.kind !== "uploading" ? (
        <p className="text-sm text-amber-800" data-testid="upload-pending">
          {t("pending", { names: pending.join(", ") })}
        </p>
      ) : null}
      {state.kind === "uploading" ? (
        <div role="status">
          <progress max={100} value={state.percent} aria-label={t("progress")} className="w-full" />
          <span className="text-sm">
            {t(state.resumed ? "resuming" : "uploading", { percent: state.percent })}
            {state.secondsLeft === null
              ? null
              : ` · ${t("remaining", { minutes: Math.floor(state.secondsLeft / 60), seconds: state.secondsLeft % 60 })}`}
          </span>
        </div>
      ) : null}
      {note ? (
        <p
          id={`${id}-note`}
          role={note.ok ? "status" : "alert"}
          className={note.ok ? "text-sm text-green-800" : "text-sm text-red-800"}
        >
          {note.text}
        </p>
      ) : null}
      {failed ? (
        <p role="alert" className="text-sm text-red-800">
          {failed}
        </p>
      ) : null}
    </form>
  );
}
