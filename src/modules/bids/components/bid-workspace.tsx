"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatRupiah, parseRupiah } from "@/lib/money";
import { discardStagedFileAction, submitBidAction } from "../bid.actions";
import { BID_PARTS, type BidPart } from "../domain/bid-part";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import {
  emptyQualificationChoices,
  QualificationFormFields,
  type QualificationProfile,
} from "@/modules/qualification/components";
import { PartUpload } from "./part-upload";
import { forgetFileName, readFileName } from "./staged-file-names";

interface StagedFile {
  id: string;
  part: BidPart;
  /** the detected type, as an ending (PDF, ZIP, ...) */
  type: string;
  /** the salted commitment; the name and exact size are sealed */
  commitment: string;
  /** stored size, padded to 64 KiB */
  sizeBytes: number;
  /** when it was staged, in the agency's zone */
  uploadedAt: string;
}

/** Upload each part, then the price and "Kirim penawaran". The server checks everything again. */
export function BidWorkspace({
  tenderId,
  staged,
  hasCurrentBid,
  requiredParts,
  qualification,
  limits,
}: {
  tenderId: string;
  staged: StagedFile[];
  hasCurrentBid: boolean;
  /** the parts the tender's set-up requires (the bid security document only when asked); empty: none named */
  requiredParts: readonly BidPart[];
  /** the tender's structured requirements and the vendor's profile to answer them; null: not asked */
  qualification: { requirements: QualificationRequirements; profile: QualificationProfile } | null;
  limits: { fileMb: number; totalMb: number };
}) {
  const t = useTranslations("bids");
  const tp = useTranslations("qualification.pact");
  const tf = useTranslations("qualification.form");
  const [choices, setChoices] = useState(() =>
    qualification ? emptyQualificationChoices(qualification.requirements) : null,
  );
  const [pact, setPact] = useState(false);
  // the bid security document is a part only where the tender asks for a bid security
  const parts = BID_PARTS.filter((p) => p !== "JAMINAN_PENAWARAN" || requiredParts.includes(p));
  const id = useId();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [price, setPrice] = useState("");
  // `price`: the message is about the price, so the price field is marked and described by it
  const [message, setMessage] = useState<{ ok: boolean; text: string; price?: boolean } | null>(null);
  const priceInput = useRef<HTMLInputElement>(null);
  // the name this browser sent with a file, in its localStorage: the server's HTML has none
  const isHydrated = useHydrated();
  const nameOf = (fileId: string) => (isHydrated ? readFileName(fileId) : null);
  // One key per intended bid: a retry after a lost answer sends the same key, so it
  // cannot make a second bid; a new key only after a success.
  const idempotencyKey = useRef<string>("");
  useEffect(() => {
    idempotencyKey.current ||= crypto.randomUUID();
  }, []);

  // refused in the browser before a byte is sent; the server checks the same at creation
  const uploadLimits = {
    fileBytes: limits.fileMb * 1_048_576,
    leftBytes: limits.totalMb * 1_048_576 - staged.reduce((sum, f) => sum + f.sizeBytes, 0),
  };
  const parsed = parseRupiah(price);
  // Every staged file can be sent from any browser: its proof is on the server (decision 0005).
  const ready = staged;

  function submit() {
    if (ready.length === 0) return setMessage({ ok: false, text: t("submit.noFiles") });
    if (parsed === null || parsed <= 0n) {
      priceInput.current?.focus();
      return setMessage({ ok: false, text: t("submit.priceInvalid"), price: true });
    }
    if (!pact) return setMessage({ ok: false, text: tp("required") });
    if (!window.confirm(t("submit.confirm", { amount: formatRupiah(parsed), count: ready.length }))) return;
    setMessage({ ok: true, text: t("submit.sending") });
    startTransition(async () => {
      const files = ready.map((f) => ({ id: f.id }));
      const result = await submitBidAction({
        tenderId,
        price,
        files,
        idempotencyKey: idempotencyKey.current,
        integrityPact: pact,
        ...(choices ? { qualification: JSON.stringify(choices) } : {}),
      });
      if (!result.ok)
        return setMessage({
          ok: false,
          text: [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" "),
          price: Boolean(result.fieldErrors?.price?.length),
        });
      files.forEach((f) => forgetFileName(f.id));
      idempotencyKey.current = crypto.randomUUID();
      setPrice("");
      setMessage({ ok: true, text: t("submit.done") });
      router.refresh();
    });
  }

  function discard(fileId: string) {
    if (!window.confirm(t("staged.removeConfirm"))) return;
    startTransition(async () => {
      const result = await discardStagedFileAction({ fileId, tenderId });
      setMessage(result.ok ? { ok: true, text: t("staged.removed") } : { ok: false, text: result.message });
      if (result.ok) {
        forgetFileName(fileId);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("upload.title")}</h2>
        <p className="text-sm text-slate-600">{t("upload.hint", limits)}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {parts.map((part) => (
            <PartUpload
              key={part}
              tenderId={tenderId}
              part={part}
              isRequired={requiredParts.includes(part)}
              limits={uploadLimits}
              onUploaded={() => router.refresh()}
            />
          ))}
        </div>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("staged.title")}</h2>
        {staged.length === 0 ? <p className="text-sm text-slate-600">{t("staged.empty")}</p> : null}
        <ul className="space-y-2 text-sm" data-testid="staged-files">
          {staged.map((f) => (
            <li key={f.id} className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <span className="font-medium">{t(`part.${f.part}`)}</span>: {nameOf(f.id) ?? t("staged.sealedName")}
                <br />
                <span className="text-slate-700">
                  {t("staged.details", {
                    type: f.type,
                    kib: (f.sizeBytes / 1024).toLocaleString("id-ID"),
                    uploadedAt: f.uploadedAt,
                  })}
                </span>
                <br />
                <span className="font-mono text-xs" title={f.commitment}>
                  {t("staged.commitment")} {f.commitment.slice(0, 16)}…
                </span>
              </div>
              <Button variant="ghost" onClick={() => discard(f.id)} disabled={isPending}>
                {t("staged.remove")}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      {qualification && choices ? (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{tf("title")}</h2>
          <QualificationFormFields
            requirements={qualification.requirements}
            profile={qualification.profile}
            value={choices}
            onChange={setChoices}
          />
        </section>
      ) : null}
      <section className="space-y-2">
        <label htmlFor={`${id}-price`} className="block text-sm font-medium">
          {t("submit.price")}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {t("submit.priceHint")}
        </p>
        <input
          id={`${id}-price`}
          ref={priceInput}
          value={price}
          onChange={(e) => {
            setPrice(e.target.value);
            if (message?.price) setMessage(null);
          }}
          inputMode="numeric"
          autoComplete="off"
          aria-describedby={`${id}-hint ${id}-preview${message?.price ? ` ${id}-message` : ""}`}
          aria-invalid={(price !== "" && parsed === null) || message?.price ? true : undefined}
          className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <p id={`${id}-preview`} className="text-sm tabular-nums" aria-live="polite">
          {price === ""
            ? null
            : parsed === null
              ? t("submit.priceInvalid")
              : t("submit.pricePreview", { amount: formatRupiah(parsed) })}
        </p>
        {/* the pakta integritas, accepted with every bid, just before sending it */}
        <h2 className="pt-2 text-lg font-semibold">{tp("title")}</h2>
        <p className="text-sm text-slate-700">{tp("text")}</p>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" className="size-6" checked={pact} onChange={(e) => setPact(e.target.checked)} />
          {tp("accept")}
        </label>
        {hasCurrentBid ? <p className="text-sm text-slate-700">{t("submit.replaceNote")}</p> : null}
        <Button onClick={submit} disabled={isPending}>
          {t("submit.button")}
        </Button>
        {message ? (
          <p
            id={`${id}-message`}
            role={message.ok ? "status" : "alert"}
            className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
          >
            {message.text}
          </p>
        ) : null}
      </section>
    </div>
  );
}
