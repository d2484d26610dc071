import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ProviderSignIn } from "@/modules/auth/components/provider-sign-in";
import { SignInForm } from "@/modules/auth/components/sign-in-form";
import { safeCallbackUrl } from "@/modules/auth/safe-callback-url";
import { RegisterVendorInvite } from "@/modules/vendors/components";
import { OIDC_PROVIDER_ID, oidcSettings } from "@/server/auth/oidc";
import { pendingStepPath } from "@/server/page-access";
import { getSessionActor } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

type Search = { callbackUrl?: string | string[]; error?: string | string[]; notice?: string | string[] };
/** What a finished account step says here (the password forms send ?notice=…). */
const NOTICES = ["passwordSet", "passwordReset", "passwordChanged"] as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  // A session that still owes its second factor goes to that step (decision 0034).
  const session = await getSessionActor();
  if (session?.pending) redirect(pendingStepPath(session.pending, callbackUrl));
  if (session) redirect(callbackUrl);

  const t = await getTranslations("auth.signIn");
  const tAccount = await getTranslations("account");
  const notice = NOTICES.find((n) => n === first(params.notice));
  // the central sign-in (INAPROC), when this LPSE has configured one (decision 0035)
  const oidc = oidcSettings();
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </header>
        {/* next-auth sends refusals here as ?error=... when it redirects instead of answering JSON */}
        {notice ? (
          <p role="status" className="rounded border border-green-200 bg-green-50 p-2 text-sm text-green-900">
            {tAccount(`notice.${notice}`)}
          </p>
        ) : null}
        <SignInForm callbackUrl={callbackUrl} initialError={first(params.error) ?? null} />
        <Link href="/lupa-kata-sandi" className="block text-sm underline">
          {tAccount("forgotLink")}
        </Link>
        {oidc ? <ProviderSignIn providerId={OIDC_PROVIDER_ID} name={oidc.name} callbackUrl={callbackUrl} /> : null}
        <RegisterVendorInvite />
      </Card>
    </div>
  );
}
