import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { NewPasswordForm } from "@/modules/auth/components/new-password-form";
import { findPasswordReset } from "@/modules/auth/server/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.reset"))("title"), robots: { index: false, follow: false } };
}

/** A new password from a reset link. Looking does not use the link; saving does. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account.reset");
  const reset = await findPasswordReset(token);
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <h1 className="text-2xl font-semibold">{reset ? t("title") : t("invalidTitle")}</h1>
        {reset ? (
          <>
            <p className="text-sm text-slate-700">{t("intro", { email: reset.email })}</p>
            <NewPasswordForm token={token} purpose="reset" />
          </>
        ) : (
          <>
            <p role="alert" className="text-red-800">
              {t("invalid")}
            </p>
            <Link href="/lupa-kata-sandi" className="text-sm underline">
              {t("again")}
            </Link>
          </>
        )}
      </Card>
    </div>
  );
}
