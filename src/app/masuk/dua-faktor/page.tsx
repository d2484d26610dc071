import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SignOutButton } from "@/modules/shell/components";
import { safeCallbackUrl } from "@/modules/auth/safe-callback-url";
import { SecondFactorForm } from "@/modules/two-factor/components/second-factor-form";
import { pendingStepPath } from "@/server/page-access";
import { getSessionActor } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.signInStep"))("title") };
}

type Search = { callbackUrl?: string | string[] };

/**
 * The sign-in's second step. The sign-in form always comes here: a session that owes no code
 * goes straight on, one that must enrol goes to /akun/dua-faktor, the rest are asked.
 */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(Array.isArray(raw) ? raw[0] : raw);
  const actor = await getSessionActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (actor.pending === "totpEnrolment") redirect(pendingStepPath("totpEnrolment", callbackUrl));
  if (!actor.pending) redirect(callbackUrl);

  const t = await getTranslations("security.signInStep");
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </header>
        <SecondFactorForm callbackUrl={callbackUrl} />
        <p className="text-sm text-slate-600">{t("lost")}</p>
        <SignOutButton />
      </Card>
    </div>
  );
}
