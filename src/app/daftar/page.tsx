import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RegistrationForm } from "@/modules/vendors/components/registration-form";
import { getActor } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.register"))("title") };
}

/** Public: a company registers itself and its first user; the LPSE verifies it afterwards. */
export default async function RegisterPage() {
  const [t, actor] = await Promise.all([getTranslations("vendors.register"), getActor()]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      {actor ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          {t("signedIn")} <Link href="/dasbor">{t("toDashboard")}</Link>
        </p>
      ) : (
        <Card>
          <RegistrationForm />
        </Card>
      )}
      <p className="text-sm text-slate-600">
        {t("haveAccount")} <Link href="/masuk">{t("signIn")}</Link>
      </p>
    </div>
  );
}
