"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import { draftContractAction, updateContractAction } from "../contracts.actions";

export interface TermsDefaults {
  startsOn: string;
  endsOn: string;
  paymentMode: "TERMIN" | "BULANAN";
  terminPlan: string;
  ppkSignatoryName: string;
  ppkSignatoryPosition: string;
  ppkSignatoryNip: string;
  vendorSignatoryName: string;
  vendorSignatoryPosition: string;
  /** the surat kuasa, "" when there is none ("YYYY-MM-DD" for the date) */
  vendorMandateNumber: string;
  vendorMandateDate: string;
  vendorMandateGrantor: string;
  assetsHeldByUser: boolean;
}

/** The contract's terms: drafting (tenderId) or editing the draft (contractId). The value and the bond are not fields. */
export function ContractTermsForm({
  target,
  defaults,
  showAssetsExemption,
}: {
  target: { tenderId: string } | { contractId: string };
  defaults: TermsDefaults;
  showAssetsExemption: boolean;
}) {
  const t = useTranslations("contracts.form");
  const router = useRouter();
  const isDraft = "tenderId" in target;
  const text = (name: keyof TermsDefaults, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint}>
      {(props) => <input {...props} className={inputClass} defaultValue={String(defaults[name])} />}
    </Field>
  );
  return (
    <ActionForm
      action={isDraft ? draftContractAction : updateContractAction}
      doneText={t(isDraft ? "drafted" : "saved")}
      resetOnDone={false}
      onDone={(data) => {
        if (isDraft && data && typeof data === "object" && "contractId" in data)
          router.push(`/ppk/kontrak/${String(data.contractId)}`);
        else router.refresh();
      }}
    >
      {isDraft ? (
        <input type="hidden" name="tenderId" value={target.tenderId} />
      ) : (
        <input type="hidden" name="contractId" value={target.contractId} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="startsOn" label={t("startsOn")}>
          {(props) => <input {...props} type="date" className={inputClass} defaultValue={defaults.startsOn} />}
        </Field>
        <Field name="endsOn" label={t("endsOn")}>
          {(props) => <input {...props} type="date" className={inputClass} defaultValue={defaults.endsOn} />}
        </Field>
      </div>
      <Choice
        name="paymentMode"
        legend={t("paymentMode")}
        isLegendShown
        defaultValue={defaults.paymentMode}
        options={[
          { value: "TERMIN", label: t("termin") },
          { value: "BULANAN", label: t("monthly") },
        ]}
      />
      <Field name="terminPlan" label={t("terminPlan")} hint={t("terminPlanHint")}>
        {(props) => <textarea {...props} rows={5} className={inputClass} defaultValue={defaults.terminPlan} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {text("ppkSignatoryName", t("ppkSignatoryName"))}
        {text("ppkSignatoryPosition", t("ppkSignatoryPosition"))}
        {text("ppkSignatoryNip", t("ppkSignatoryNip"))}
        {text("vendorSignatoryName", t("vendorSignatoryName"))}
        {text("vendorSignatoryPosition", t("vendorSignatoryPosition"))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("mandateLegend")}</legend>
        <p className="text-sm text-slate-700">{t("mandateHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          {text("vendorMandateNumber", t("vendorMandateNumber"))}
          <Field name="vendorMandateDate" label={t("vendorMandateDate")}>
            {(props) => (
              <input {...props} type="date" className={inputClass} defaultValue={defaults.vendorMandateDate} />
            )}
          </Field>
          {text("vendorMandateGrantor", t("vendorMandateGrantor"))}
        </div>
      </fieldset>
      {showAssetsExemption ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="assetsHeldByUser"
            className="size-6"
            defaultChecked={defaults.assetsHeldByUser}
          />
          {t("assetsHeldByUser")}
        </label>
      ) : null}
      <p className="text-sm text-slate-700">{t("computedNote")}</p>
      <button type="submit" className={buttonClass()}>
        {t(isDraft ? "draft" : "save")}
      </button>
    </ActionForm>
  );
}
