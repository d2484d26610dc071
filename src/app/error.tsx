"use client";

import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";

/**
 * Any unexpected error in a page. Production builds already replace a server error's
 * message with a digest; we show only that digest as a reference, never a message or stack.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body")}</p>
      {digest ? <p className="mt-2 text-sm text-slate-600">{t("ref", { ref: digest })}</p> : null}
      <div className="mt-6 flex justify-center gap-3">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <ButtonLink href="/" variant="secondary">
          {t("back")}
        </ButtonLink>
      </div>
    </section>
  );
}
