"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { decodeSignInFailure } from "../sign-in-error";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm";

/**
 * Posts to next-auth's credentials endpoint without a redirect, so a refusal stays on this
 * page and is shown in the reader's language (see sign-in-error.ts). On success it loads
 * the target page fully, so every server component sees the new session cookie.
 */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations("auth.signIn");
  const tError = useTranslations("errors");
  const [isPending, setIsPending] = useState(false);
  const [error, setError] = useState<string | null>(() => {
    if (!initialError) return null;
    const failure = decodeSignInFailure(initialError);
    return tError(failure.messageKey, failure.values);
  });
  const passwordRef = useRef<HTMLInputElement>(null);

  // Before hydration a click would submit the form natively; keep the button off until then.
  const isReady = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // The second step decides: a code due, TOTP to enrol, or straight on (decision 0034).
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, so the header and the router's pages start from the new session
        window.location.assign(`/masuk/dua-faktor?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      }
      const failure = decodeSignInFailure(result?.error);
      setError(tError(failure.messageKey, failure.values));
    } catch {
      setError(tError("unexpected", { ref: "-" }));
    }
    setIsPending(false);
    // Select rather than clear: whatever was typed while waiting survives, and typing replaces it.
    passwordRef.current?.focus();
    passwordRef.current?.select();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      {error ? (
        <p
          data-testid="form-error"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          className={INPUT}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          ref={passwordRef}
          className={INPUT}
        />
      </div>
      <button
        type="submit"
        disabled={!isReady || isPending}
        aria-busy={isPending}
        className={buttonClass("primary", "w-full")}
      >
        {t("submit")}
      </button>
      <p aria-live="polite" className="sr-only">
        {isPending ? t("submitting") : ""}
      </p>
    </form>
  );
}
