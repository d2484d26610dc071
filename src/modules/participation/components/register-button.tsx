"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useServerNow } from "@/modules/clock/components";
import { hasSignedInHint } from "@/modules/shell/components";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { RegistrationState } from "../server/get-registration-state";
import { RegisterButtonForm } from "./register-button-form";

interface Props {
  tenderId: string;
  /** where to come back after signing in, e.g. /tender/<code> */
  returnTo: string;
  /** the agency's zone, to show the registration time as the page shows the schedule */
  timeZone: string;
  /**
   * Until when a vendor may still register (the bid deadline, epoch ms), or null when the
   * tender takes no more participants (its upload window is over, or it is evaluated, awarded
   * or ended). Past it nothing here invites anyone to take part; the server refuses anyway.
   */
  registrationEndsAt: number | null;
}

type Answer = { kind: "asking" } | { kind: "failed" } | RegistrationState;

/** This visitor's registration for the tender, as /api/me/tenders/<id> tells it. */
async function fetchAnswer(tenderId: string): Promise<Answer> {
  try {
    const response = await fetch(`/api/me/tenders/${tenderId}`, { cache: "no-store" });
    if (!response.ok) return { kind: "failed" };
    const { registration } = (await response.json()) as { registration: RegistrationState };
    return registration.kind === "registered"
      ? { kind: "registered", registeredAt: new Date(registration.registeredAt) }
      : registration;
  } catch {
    return { kind: "failed" };
  }
}

/**
 * "Ikut tender ini" on the announcement page, for PENYEDIA users of a verified company;
 * "Anda terdaftar sebagai peserta" once registered. Nothing for agency staff. The page is
 * the same for every visitor (docs/decisions/0016), so the browser asks for this visitor's
 * state; the registration itself checks everything again on the server.
 */
export function RegisterButton({ tenderId, returnTo, timeZone, registrationEndsAt }: Props) {
  const t = useTranslations("vendors.participation");
  const locale = useLocale() as DisplayLocale;
  const [answer, setAnswer] = useState<Answer>({ kind: "asking" });
  // the server's clock, ticking in the browser: the invitation goes at the deadline without a reload
  const serverNow = useServerNow();
  const isOpen = registrationEndsAt !== null && serverNow < registrationEndsAt;

  // asked again after a retry or a registration; the form waits for the answer
  const ask = useCallback(async () => setAnswer(await fetchAnswer(tenderId)), [tenderId]);
  // a browser that has not signed in is offered the sign-in link without asking
  const isHydrated = useHydrated();
  const isAnonymous = isHydrated && !hasSignedInHint();
  useEffect(() => {
    if (!isHydrated || isAnonymous) return;
    let isCurrent = true;
    void fetchAnswer(tenderId).then((next) => {
      if (isCurrent) setAnswer(next);
    });
    return () => {
      isCurrent = false;
    };
  }, [isHydrated, isAnonymous, tenderId]);
  const state: Answer = isAnonymous ? { kind: "anonymous" } : answer;

  const box = "rounded-md border border-slate-200 bg-white p-3 text-sm";
  switch (state.kind) {
    case "asking":
    case "notVendor":
      return null;
    case "failed":
      return (
        <p className={box}>
          {t("stateUnavailable")}{" "}
          <button type="button" className="underline" onClick={() => void ask()}>
            {t("retry")}
          </button>
        </p>
      );
    case "anonymous":
      if (!isOpen) return null;
      return (
        <p className={box}>
          <Link href={`/masuk?callbackUrl=${encodeURIComponent(returnTo)}`}>{t("signInToRegister")}</Link>
          <span className="mt-1 block">
            {t("noAccount")} <Link href="/daftar">{t("registerCompany")}</Link>
          </span>
        </p>
      );
    case "registered":
      return (
        <p
          role="status"
          data-testid="participant-registered"
          className={`${box} border-green-300 bg-green-50 text-green-950`}
        >
          <span className="font-medium">{t("registered")}</span>{" "}
          <span>{t("registeredAt", { at: formatInZone(state.registeredAt, timeZone, locale) })}</span>
          <span className="mt-2 flex flex-wrap gap-3">
            <Link href={`/penyedia/tender/${tenderId}/penjelasan`}>{t("askQuestions")}</Link>
            <Link href={`/penyedia/penawaran/${tenderId}`}>{t("openBid")}</Link>
            <Link href={`/penyedia/hasil/${tenderId}`}>{t("results")}</Link>
            <Link href={`/penyedia/sanggah/${tenderId}`}>{t("sanggah")}</Link>
          </span>
        </p>
      );
    case "notVerified":
      return (
        <p className={box}>
          {t("notVerified")} <Link href="/penyedia/profil">{t("openProfile")}</Link>
        </p>
      );
    case "closed":
      return <p className={box}>{t("closed")}</p>;
    case "open":
      return isOpen ? (
        <RegisterButtonForm tenderId={tenderId} onRegistered={ask} />
      ) : (
        <p className={box}>{t("closed")}</p>
      );
  }
}
