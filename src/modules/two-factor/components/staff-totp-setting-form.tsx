"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { setStaffTotpRequirementAction } from "../two-factor.actions";

/** The instance setting: TOTP required of staff roles. */
export function StaffTotpSettingForm({ required }: { required: boolean }) {
  const t = useTranslations("security.setting");
  return (
    <ActionForm action={setStaffTotpRequirementAction} doneText={t("saved")} resetOnDone={false}>
      <label className="flex items-start gap-2">
        <input type="checkbox" name="required" defaultChecked={required} className="mt-1" />
        <span>
          <span className="font-medium">{t("requireStaffTotp")}</span>
          <span className="block text-sm text-slate-600">{t("requireStaffTotpHint")}</span>
        </span>
      </label>
      <button type="submit" className={buttonClass("primary")}>
        {t("save")}
      </button>
    </ActionForm>
  );
}
