import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { findAccountTokenUser } from "@/modules/auth";
import { confirmEmailAction } from "@/modules/vendors/vendors.actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.emailConfirmation"))("title"), referrer: "no-referrer" };
}

/**
 * The link from the registration mail. Opening it changes nothing (mail scanners open
 * links); the button uses it, once.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, user] = await Promise.all([
    getTranslations("vendors.emailConfirmation"),
    findAccountTokenUser({ token, kind: "EMAIL_CONFIRMATION" }),
  ]);
  return (
    <div className="mx-auto max-w-md">
      <Card className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {user && !user.isDisabled ? (
          <>
            <p>{t("intro", { email: user.email })}</p>
            <ActionForm action={confirmEmailAction} doneText={t("done")} resetOnDone={false} className="space-y-4">
              <input type="hidden" name="token" value={token} />
              <SubmitButton pendingLabel={t("confirming")}>{t("confirm")}</SubmitButton>
            </ActionForm>
          </>
        ) : (
          <p role="status">{t("invalid")}</p>
        )}
        <p>
          <Link href="/masuk">{t("signIn")}</Link>
        </p>
      </Card>
    </div>
  );
}
