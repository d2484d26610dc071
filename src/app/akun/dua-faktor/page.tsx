import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { safeCallbackUrl } from "@/modules/auth/safe-callback-url";
import { getLpseProfile } from "@/modules/lpse";
import { DisableTotpForm, RegenerateRecoveryCodesForm } from "@/modules/two-factor/components/manage-totp";
import { ConfirmEnrolmentForm, StartEnrolmentForm } from "@/modules/two-factor/components/totp-enrolment";
import { getTwoFactorStatus } from "@/modules/two-factor/server/get-two-factor-status";
import { pageActor, pendingStepPath } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.enrol"))("title") };
}

type Search = { callbackUrl?: string | string[] };

/** The user's own second factor: enrol (also the step staff are sent to), recovery codes, turning it off. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  // A session owing its code is sent to give it first; one that must enrol stays here.
  const actor = await pageActor("/akun/dua-faktor", { pendingSignIn: true });
  if (actor.pending === "secondFactor") redirect(pendingStepPath("secondFactor", "/akun/dua-faktor"));
  const [t, status, localeValue, lpse] = await Promise.all([
    getTranslations("security.enrol"),
    getTwoFactorStatus(actor),
    getLocale(),
    getLpseProfile(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {status.enabledAt ? (
          <p role="status" className="text-green-800">
            {t("enabled", { at: formatInZone(status.enabledAt, lpse.timeZone, locale) })}{" "}
            {t("recoveryLeft", { count: status.recoveryCodesLeft })}
          </p>
        ) : (
          <p role="status" className={status.isRequired ? "text-amber-900" : "text-slate-700"}>
            {t(status.isRequired ? "required" : "optional")}
          </p>
        )}
      </header>
      {status.enabledAt ? (
        <>
          <Card>
            <RegenerateRecoveryCodesForm />
          </Card>
          {status.isRequired ? null : (
            <Card>
              <DisableTotpForm />
            </Card>
          )}
        </>
      ) : (
        <Card className="space-y-4">
          {status.setup ? (
            <>
              <p>{t("scan")}</p>
              {/* drawn on the server as a data: URL, which the CSP's img-src allows */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={status.setup.qrDataUrl} alt={t("qrAlt")} width={224} height={224} />
              <p className="text-sm">{t("manual")}</p>
              <p data-testid="totp-secret" className="font-mono text-base break-all">
                {status.setup.secret}
              </p>
              <ConfirmEnrolmentForm callbackUrl={callbackUrl} />
            </>
          ) : null}
          <StartEnrolmentForm again={status.setup !== null} />
        </Card>
      )}
    </div>
  );
}
