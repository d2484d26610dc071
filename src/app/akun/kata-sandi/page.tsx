import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/modules/auth/components/change-password-form";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.changePassword"))("title") };
}

/** Every signed-in user changes their own password here (the use case checks the current one). */
export default async function ChangePasswordPage() {
  await pageActor("/akun/kata-sandi");
  const t = await getTranslations("account.changePassword");
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <Card>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
