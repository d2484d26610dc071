"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { verifyReceiptAction } from "../bid.actions";

interface OpenedFile {
  part: string;
  fileName: string | null;
  sizeBytes: number | null;
  commitment: string;
  salt: string | null;
}

/** Paste or choose a receipt; the server checks it with the instance's public key. */
export function VerifyReceiptForm() {
  const t = useTranslations("bids.verify");
  const id = useId();
  const [text, setText] = useState("");
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [opened, setOpened] = useState<OpenedFile[] | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  function check() {
    startTransition(async () => {
      const outcome = await verifyReceiptAction({ receipt: text });
      setOpened(null);
      if (!outcome.ok) return setResult({ ok: false, text: outcome.message });
      const data = outcome.data;
      if (data.valid) setOpened(data.openedFiles);
      setResult(
        data.valid
          ? { ok: true, text: data.signedBy ? t("validFrom", { lpse: data.signedBy }) : t("valid") }
          : { ok: false, text: t("invalid", { reason: t(`reason.${data.reason}`) }) },
      );
    });
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium">
          {t("fileLabel")}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={onFile}
          className="mt-1 text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium">
          {t("textLabel")}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
        />
      </div>
      <Button onClick={check} disabled={isPending || text.trim() === ""}>
        {t("button")}
      </Button>
      {result ? (
        <p
          role={result.ok ? "status" : "alert"}
          data-testid="verify-result"
          className={`font-semibold ${result.ok ? "text-green-800" : "text-red-800"}`}
        >
          {result.text}
        </p>
      ) : null}
      {opened ? (
        <section className="space-y-2 text-sm" data-testid="opened-files">
          <h2 className="font-semibold">{t("openedTitle")}</h2>
          <p className="text-slate-700">{t("openedIntro")}</p>
          <ul className="space-y-2">
            {opened.map((f) => (
              <li key={f.commitment}>
                <span className="font-medium">{f.part}</span>: {f.fileName ?? "-"}{" "}
                {f.sizeBytes === null ? null : `(${f.sizeBytes.toLocaleString("id-ID")} B)`}
                <div className="font-mono text-xs break-all">
                  {t("commitment")} {f.commitment}
                </div>
                {f.salt ? (
                  <div className="font-mono text-xs break-all">
                    {t("salt")} {f.salt}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
