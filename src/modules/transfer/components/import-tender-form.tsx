"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form";

interface Done {
  code: string;
  tenderId: string;
  manifestSha256: string;
  invited: number;
  matched: number;
  blacklisted: { vendorId: string; vendorName: string; decreeNumber: string }[];
}

/**
 * The bundle goes up as the request body of /api/admin/tender-import (a route handler: a
 * bundle is far beyond a server action's 1 MB), with the agency and the fingerprint in
 * headers. The server's answer, a result or the precise refusal, is shown as it comes.
 */
export function ImportTenderForm({ agencies }: { agencies: { id: string; code: string; name: string }[] }) {
  const t = useTranslations("transfer.import");
  const id = useId();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("bundle");
    if (!(file instanceof File) || file.size === 0) return;
    setPending(true);
    setDone(null);
    setError(null);
    try {
      const response = await fetch("/api/admin/tender-import", {
        method: "POST",
        body: file,
        headers: {
          "Content-Type": "application/x-tar",
          "X-Agency-Id": String(form.get("agencyId") ?? ""),
          "X-Source-Key": String(form.get("sourceKey") ?? "").trim(),
        },
      });
      const answer = (await response.json().catch(() => null)) as
        { ok: true; data: Done } | { ok: false; message: string } | null;
      if (answer?.ok) setDone(answer.data);
      else setError(answer && !answer.ok ? answer.message : `HTTP ${response.status}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-busy={pending}>
      <label className="block space-y-1" htmlFor={`${id}-file`}>
        <span className="text-sm font-medium">{t("file")}</span>
        <input id={`${id}-file`} name="bundle" type="file" accept=".tar,application/x-tar" required className="block" />
      </label>
      <label className="block space-y-1" htmlFor={`${id}-agency`}>
        <span className="text-sm font-medium">{t("agency")}</span>
        <select id={`${id}-agency`} name="agencyId" required className={inputClass} defaultValue="">
          <option value="" disabled>
            {t("agencyChoose")}
          </option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.code})
            </option>
          ))}
        </select>
      </label>
      <label className="block space-y-1" htmlFor={`${id}-key`}>
        <span className="text-sm font-medium">{t("fingerprint")}</span>
        <input
          id={`${id}-key`}
          name="sourceKey"
          required
          pattern="\s*sha256:[0-9a-fA-F]{64}\s*"
          aria-describedby={`${id}-key-hint`}
          className={`${inputClass} font-mono`}
        />
        <span id={`${id}-key-hint`} className="block text-sm text-slate-600">
          {t("fingerprintHint")}
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? t("importing") : t("submit")}
      </Button>
      {done ? (
        <div role="status" className="space-y-1 text-sm text-green-800" data-testid="import-done">
          <p>{t("done", { code: done.code, matched: done.matched, invited: done.invited })}</p>
          <p className="break-all font-mono">{t("manifest", { sha256: done.manifestSha256 })}</p>
          {done.blacklisted.length > 0 ? (
            <div className="text-amber-900" data-testid="import-blacklisted">
              <p>{t("blacklisted")}</p>
              <ul className="list-disc pl-5">
                {done.blacklisted.map((v) => (
                  <li key={v.vendorId}>{t("blacklistedEntry", { vendor: v.vendorName, decree: v.decreeNumber })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <a href={`/tender/${encodeURIComponent(done.code)}`}>{t("open")}</a>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800" data-testid="import-refused">
          {error}
        </p>
      ) : null}
    </form>
  );
}
