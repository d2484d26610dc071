import { getTranslations } from "next-intl/server";
import type { VendorStatus } from "@/generated/prisma/enums";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { canSubmit } from "../domain/verification";
import { submitVendorAction } from "../vendors.actions";

const TONE = {
  DRAFT: "border-slate-300 bg-slate-50 text-slate-950",
  PENDING: "border-amber-300 bg-amber-50 text-amber-950",
  VERIFIED: "border-green-300 bg-green-50 text-green-950",
  REJECTED: "border-red-300 bg-red-50 text-red-950",
} as const;

/**
 * The company's standing, in words (never colour alone), with the Verifikator's reason
 * when rejected, and the button that sends the profile while it may be sent.
 */
export async function StatusBanner({
  status,
  submittedAt,
  rejectionReason,
}: {
  status: VendorStatus;
  submittedAt: Date | null;
  rejectionReason: string | null;
}) {
  const [t, tf] = await Promise.all([getTranslations("vendors.status"), getTranslations("vendors.form")]);
  const isDraft = status === "PENDING" && submittedAt === null;
  return (
    <section
      role="status"
      aria-labelledby="status-title"
      data-testid="vendor-status"
      className={`space-y-2 rounded-lg border-2 p-4 ${TONE[isDraft ? "DRAFT" : status]}`}
    >
      <h2 id="status-title" className="text-lg font-semibold">
        {isDraft ? t("draftTitle") : t(`title.${status}`)}
      </h2>
      <p>{isDraft ? t("draftBody") : t(`body.${status}`)}</p>
      {status === "REJECTED" && rejectionReason ? (
        <div>
          <p className="font-medium">{t("reasonLabel")}</p>
          <blockquote
            data-testid="rejection-reason"
            className="mt-1 border-l-4 border-red-400 pl-3 whitespace-pre-line"
          >
            {rejectionReason}
          </blockquote>
        </div>
      ) : null}
      {canSubmit({ status, submittedAt }) ? (
        <ActionForm action={submitVendorAction} doneText={t("submitted")} resetOnDone={false} className="space-y-4">
          <SubmitButton pendingLabel={tf("saving")}>{t(isDraft ? "submit" : "resubmit")}</SubmitButton>
        </ActionForm>
      ) : null}
    </section>
  );
}
