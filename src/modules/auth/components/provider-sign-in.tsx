"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * "Masuk dengan INAPROC": next-auth sends the browser to the central provider (with state,
 * PKCE and nonce) and brings it back to /api/auth/callback/oidc. Shown only when configured.
 */
export function ProviderSignIn({
  providerId,
  name,
  callbackUrl,
}: {
  providerId: string;
  name: string;
  callbackUrl: string;
}) {
  const t = useTranslations("auth.oidc");
  const [isPending, setIsPending] = useState(false);
  const isReady = useHydrated();

  async function onClick() {
    setIsPending(true);
    await signIn(providerId, { callbackUrl });
  }

  return (
    <div className="space-y-2">
      <p className="flex items-center gap-3 text-sm text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        {t("or")}
        <span className="h-px flex-1 bg-slate-200" />
      </p>
      <button
        type="button"
        onClick={onClick}
        disabled={!isReady || isPending}
        aria-busy={isPending}
        className={buttonClass("secondary", "w-full")}
      >
        {isPending ? t("redirecting", { name }) : t("signInWith", { name })}
      </button>
      <p className="text-xs text-slate-600">{t("hint", { name })}</p>
    </div>
  );
}
