import { getTranslations } from "next-intl/server";
import type { VendorStatus } from "@/generated/prisma/enums";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { resubmitVendorAction } from "../vendors.actions";

const TONE: Record<VendorStatus, string> = {
  PENDING: "border-amber-300 bg-amber-50 text-amber-950",
  VERIFIED: "border-green-300 bg-green-50 text-green-950",
  REJECTED: "border-red-300 bg-red-50 text-red-950",
};

/** The company's standing, in words (never colour alone), with the Verifikator's reason when rejected. */
export async function StatusBanner({
  status,
  rejectionReason,
  canResubmit,
}: {
  status: VendorStatus;
  rejectionReason: string | null;
  canResubmit: boolean;
}) {
  const [t, tf] = await Promise.all([getTranslations("vendors.status"), getTranslations("vendors.form")]);
  return (
    <section
      role="status"
      aria-labelledby="status-title"
      data-testid="vendor-status"
      className={`space-y-2 rounded-lg border-2 p-4 ${TONE[status]}`}
    >
      <h2 id="status-title" className="text-lg font-semibold">
        {t(`title.${status}`)}
      </h2>
      <p>{t(`body.${status}`)}</p>
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
      {status === "REJECTED" && canResubmit ? (
        <ActionForm action={resubmitVendorAction} doneText={t("resubmitted")} resetOnDone={false} className="space-y-4">
          <SubmitButton pendingLabel={tf("saving")}>{t("resubmit")}</SubmitButton>
        </ActionForm>
      ) : null}
    </section>
  );
}
