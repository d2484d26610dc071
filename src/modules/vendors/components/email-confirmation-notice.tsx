import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { resendEmailConfirmationAction } from "../vendors.actions";

/** Until the user's address is confirmed the profile cannot be sent; the mail can be asked for again. */
export async function EmailConfirmationNotice({ email }: { email: string }) {
  const [t, tf] = await Promise.all([getTranslations("vendors.emailConfirmation"), getTranslations("vendors.form")]);
  return (
    <section
      role="status"
      data-testid="email-confirmation"
      className="space-y-3 rounded-lg border-2 border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <p>{t("pending", { email })}</p>
      <ActionForm action={resendEmailConfirmationAction} doneText={t("resent")} resetOnDone={false}>
        <SubmitButton variant="secondary" pendingLabel={tf("saving")}>
          {t("resend")}
        </SubmitButton>
      </ActionForm>
    </section>
  );
}
