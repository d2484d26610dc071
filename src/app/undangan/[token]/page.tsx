import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { NewPasswordForm } from "@/modules/auth/components/new-password-form";
import { findInvitation } from "@/modules/auth/server/accept-invitation";

export async function generateMetadata(): Promise<Metadata> {
  // the token is in the address: no search engine, no referrer to another site
  return { title: (await getTranslations("account.invitation"))("title"), robots: { index: false, follow: false } };
}

/** The invited person sets their first password. Looking does not use the link; saving does. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account.invitation");
  const invitation = await findInvitation(token);
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <h1 className="text-2xl font-semibold">{invitation ? t("title") : t("invalidTitle")}</h1>
        {invitation ? (
          <>
            <p className="text-sm text-slate-700">{t("intro", invitation)}</p>
            <NewPasswordForm token={token} purpose="invitation" />
          </>
        ) : (
          <p role="alert" className="text-red-800">
            {t("invalid")}
          </p>
        )}
      </Card>
    </div>
  );
}
