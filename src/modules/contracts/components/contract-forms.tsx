"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass, type FormActionResult } from "@/components/ui/form";
import {
  issueSpmkAction,
  requestContractChangeAction,
  sendContractAction,
  signContractAsPpkAction,
  signContractAsVendorAction,
} from "../contracts.actions";

const STEP_ACTIONS: Record<"send" | "vendorSign" | "ppkSign", (data: FormData) => Promise<FormActionResult<unknown>>> =
  {
    send: sendContractAction,
    vendorSign: signContractAsVendorAction,
    ppkSign: signContractAsPpkAction,
  };

/** One step with nothing to type: send to the vendor, sign (the vendor's or the PPK's). */
export function ContractStepButton({ contractId, step }: { contractId: string; step: keyof typeof STEP_ACTIONS }) {
  const t = useTranslations("contracts.steps");
  const router = useRouter();
  return (
    <ActionForm
      action={STEP_ACTIONS[step]}
      doneText={t(`${step}Done`)}
      confirmText={t(`${step}Confirm`)}
      onDone={() => router.refresh()}
    >
      <input type="hidden" name="contractId" value={contractId} />
      <button type="submit" className={buttonClass()}>
        {t(step)}
      </button>
    </ActionForm>
  );
}

/** The vendor asks for a change with a note: the draft goes back to the PPK. */
export function RequestChangeForm({ contractId }: { contractId: string }) {
  const t = useTranslations("contracts.steps");
  const router = useRouter();
  return (
    <ActionForm action={requestContractChangeAction} doneText={t("requestChangeDone")} onDone={() => router.refresh()}>
      <input type="hidden" name="contractId" value={contractId} />
      <Field name="note" label={t("note")}>
        {(props) => <textarea {...props} rows={4} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("secondary")}>
        {t("requestChange")}
      </button>
    </ActionForm>
  );
}

/** The PPK issues the SPMK with the day the work starts. */
export function SpmkForm({ contractId, defaultDay }: { contractId: string; defaultDay: string }) {
  const t = useTranslations("contracts.steps");
  const router = useRouter();
  return (
    <ActionForm
      action={issueSpmkAction}
      doneText={t("spmkDone")}
      confirmText={t("spmkConfirm")}
      onDone={() => router.refresh()}
    >
      <input type="hidden" name="contractId" value={contractId} />
      <Field name="startsOn" label={t("spmkStartsOn")}>
        {(props) => <input {...props} type="date" className={inputClass} defaultValue={defaultDay} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("spmk")}
      </button>
    </ActionForm>
  );
}
