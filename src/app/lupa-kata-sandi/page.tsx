import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForgotPasswordForm } from "@/modules/auth/components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account.forgot");
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <ForgotPasswordForm />
        <Link href="/masuk" className="text-sm underline">
          {t("back")}
        </Link>
      </Card>
    </div>
  );
}
