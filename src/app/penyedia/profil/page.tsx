import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { BlacklistBanner } from "@/modules/blacklist/components";
import { MyTendersList } from "@/modules/participation/components/my-tenders-list";
import { companyFields } from "@/modules/vendors/components/company-fields";
import { ProfileSections } from "@/modules/vendors/components/profile-sections";
import { SpecFields } from "@/modules/vendors/components/spec-fields";
import { EmailConfirmationNotice } from "@/modules/vendors/components/email-confirmation-notice";
import { StatusBanner } from "@/modules/vendors/components/status-banner";
import { VerificationChecklist } from "@/modules/vendors/components/verification-checklist";
import { VendorDocumentUpload } from "@/modules/vendors/components/vendor-document-upload";
import { VendorDocuments } from "@/modules/vendors/components/vendor-documents";
import { companyName } from "@/modules/vendors/domain/company-name";
import { formatNpwp } from "@/modules/vendors/domain/npwp";
import { isEmailConfirmed } from "@/modules/vendors/server/email-confirmation";
import { getOwnVendorProfile } from "@/modules/vendors/server/get-own-vendor-profile";
import { updateCompanyAction } from "@/modules/vendors/vendors.actions";
import { isAppError } from "@/server/errors";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.profile"))("title") };
}

/** The company's own profile: status, company data, permits, deeds, people, experience, documents. */
export default async function VendorProfilePage() {
  const actor = await pageActor("/penyedia/profil");
  const profile = await getOwnVendorProfile(actor).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return null;
    throw error;
  });
  if (!profile) return <ForbiddenMessage />;
  const [t, tc, tf, locale, isConfirmed] = await Promise.all([
    getTranslations("vendors.profile"),
    getTranslations("vendors.company"),
    getTranslations("vendors.form"),
    getLocale(),
    isEmailConfirmed(actor),
  ]);
  const initial = {
    name: profile.name,
    businessForm: profile.businessForm,
    npwp: formatNpwp(profile.npwp),
    nib: profile.nib,
    address: profile.address,
    city: profile.city,
    province: profile.province,
    email: profile.email,
    phone: profile.phone ?? "",
    kbli: profile.kbli.join(", "),
  };

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{companyName(profile)}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      {isConfirmed ? null : <EmailConfirmationNotice email={actor.email} />}
      <BlacklistBanner actor={actor} />
      <StatusBanner
        status={profile.status}
        submittedAt={profile.submittedAt}
        rejectionReason={profile.rejectionReason}
      />
      {profile.status === "VERIFIED" ? null : (
        <VerificationChecklist profile={profile} checklist={profile.checklist} audience="vendor" />
      )}
      <section aria-labelledby="company-title" className="space-y-3">
        <h2 id="company-title" className="text-lg font-semibold">
          {t("companyTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("legalNote")}</p>
        <Card>
          <ActionForm action={updateCompanyAction} doneText={t("saved")} resetOnDone={false} className="space-y-4">
            <SpecFields fields={companyFields((k) => tc(k), initial)} />
            <SubmitButton pendingLabel={tf("saving")}>{t("save")}</SubmitButton>
          </ActionForm>
        </Card>
      </section>
      <ProfileSections profile={profile} locale={locale} editable />
      <section aria-labelledby="documents-title" className="space-y-3">
        <h2 id="documents-title" className="text-lg font-semibold">
          {t("documentsTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("documentsIntro")}</p>
        <VendorDocuments documents={profile.documents} />
        <VendorDocumentUpload vendorId={profile.id} />
      </section>
      <section aria-labelledby="tenders-title" className="space-y-3">
        <h2 id="tenders-title" className="text-lg font-semibold">
          {t("tendersTitle")}
        </h2>
        <MyTendersList actor={actor} />
      </section>
    </div>
  );
}
