import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { getLpseProfile } from "@/modules/lpse/server/get-lpse-profile";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CompanyDetails } from "@/modules/vendors/components/company-details";
import { ProfileSections } from "@/modules/vendors/components/profile-sections";
import { SpecFields } from "@/modules/vendors/components/spec-fields";
import { VendorDocuments } from "@/modules/vendors/components/vendor-documents";
import { VerificationChecklist } from "@/modules/vendors/components/verification-checklist";
import { companyName } from "@/modules/vendors/domain/company-name";
import { canDecide } from "@/modules/vendors/domain/verification";
import { getVendorForVerification } from "@/modules/vendors/server/get-vendor-for-verification";
import { rejectVendorAction, verifyVendorAction } from "@/modules/vendors/vendors.actions";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.verification"))("detailTitle") };
}

/** One company's whole profile and its documents, with the decision at the bottom. */
export default async function VerificationDetailPage({ params }: { params: Promise<{ vendorId: string }> }) {
  const vendorId = pageId((await params).vendorId);
  const actor = await pageActor(`/verifikasi/${encodeURIComponent(vendorId)}`);
  const profile = await getVendorForVerification(actor, vendorId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return "forbidden" as const;
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (profile === "forbidden") return <ForbiddenMessage />;
  const [t, c, tf, locale, lpse] = await Promise.all([
    getTranslations("vendors.verification"),
    getTranslations("common"),
    getTranslations("vendors.form"),
    getLocale(),
    getLpseProfile(),
  ]);
  const name = companyName(profile);
  const at = (date: Date) => formatInZone(date, lpse.timeZone, isLocale(locale) ? locale : "id");
  const decided = profile.decision
    ? t(profile.status === "VERIFIED" ? "decidedVerified" : "decidedRejected", {
        name,
        by: profile.decision.by,
        at: at(profile.decision.at),
      })
    : t(profile.status === "PENDING" ? "notSubmitted" : "decided", { name });
  const isComplete = profile.checklist.every((row) => row.isMet);

  return (
    <div className="space-y-8">
      <p>
        <Link href="/verifikasi">{t("back")}</Link>
      </p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{name}</h1>
        <Badge tone={profile.status === "VERIFIED" ? "success" : profile.status === "REJECTED" ? "danger" : "warning"}>
          {c(`vendorStatus.${profile.status}`)}
        </Badge>
      </header>
      {profile.status === "REJECTED" && profile.rejectionReason ? (
        <p className="text-sm">{t("previousReason", { reason: profile.rejectionReason })}</p>
      ) : null}
      <VerificationChecklist profile={profile} checklist={profile.checklist} audience="verifier" />
      <Card>
        <CompanyDetails profile={profile} />
      </Card>
      <ProfileSections profile={profile} locale={locale} editable={false} />
      <section aria-labelledby="documents-title" className="space-y-3">
        <h2 id="documents-title" className="text-lg font-semibold">
          {t("documentsTitle")}
        </h2>
        <VendorDocuments documents={profile.documents} />
      </section>
      {canDecide(profile) ? (
        <section aria-labelledby="decision-title" className="space-y-4">
          <h2 id="decision-title" className="text-lg font-semibold">
            {t("decisionTitle")}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            <Card className="space-y-2">
              <p className="text-sm text-slate-700">{t(isComplete ? "verifyNote" : "verifyBlocked")}</p>
              <ActionForm
                action={verifyVendorAction}
                doneText={t("verifiedDone", { name })}
                resetOnDone={false}
                className="space-y-4"
              >
                <input type="hidden" name="vendorId" value={profile.id} />
                <SubmitButton pendingLabel={tf("saving")}>{t("verify")}</SubmitButton>
              </ActionForm>
            </Card>
            <Card>
              <ActionForm
                action={rejectVendorAction}
                doneText={t("rejectedDone", { name })}
                resetOnDone={false}
                className="space-y-4"
              >
                <input type="hidden" name="vendorId" value={profile.id} />
                <SpecFields
                  fields={[
                    { name: "reason", label: t("reason"), type: "textarea", hint: t("reasonHint"), required: true },
                  ]}
                />
                <SubmitButton variant="secondary" pendingLabel={tf("saving")}>
                  {t("reject")}
                </SubmitButton>
              </ActionForm>
            </Card>
          </div>
        </section>
      ) : (
        <p
          role="status"
          data-testid="vendor-decision"
          className="rounded-md border border-slate-200 bg-white p-3 text-sm"
        >
          {decided}
        </p>
      )}
    </div>
  );
}
