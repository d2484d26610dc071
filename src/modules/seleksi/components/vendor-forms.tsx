"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Field, inputClass } from "@/components/ui/form";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import {
  emptyQualificationChoices,
  QualificationFormFields,
  type QualificationProfile,
} from "@/modules/qualification/components";
import { applyPrequalificationAction, fileSanggahPrakualifikasiAction } from "../seleksi.actions";

const NONE: QualificationRequirements = {
  version: 1,
  permits: [],
  experience: null,
  staff: [],
  equipment: [],
  financial: null,
};
const SANGGAH_TEXT = { required: true, minLength: 20, maxLength: 10_000, rows: 6, className: inputClass };

/** The vendor's application: the qualification form from its verified profile, sent or replaced. */
export function ApplyPrequalificationForm({
  tenderId,
  requirements,
  profile,
  hasApplied,
}: {
  tenderId: string;
  requirements: QualificationRequirements | null;
  profile: QualificationProfile;
  hasApplied: boolean;
}) {
  const t = useTranslations("seleksi.forms");
  const asked = requirements ?? NONE;
  const [choices, setChoices] = useState(() => emptyQualificationChoices(asked));
  return (
    <ActionForm
      action={applyPrequalificationAction}
      doneText={(data) => (data.replaced ? t("replaced") : t("applied"))}
      resetOnDone={false}
    >
      <input type="hidden" name="tenderId" value={tenderId} />
      <QualificationFormFields requirements={asked} profile={profile} value={choices} onChange={setChoices} />
      <button type="submit" className={buttonClass()}>
        {hasApplied ? t("replace") : t("apply")}
      </button>
    </ActionForm>
  );
}

/** An applicant's sanggah prakualifikasi. */
export function FileSanggahPrakualifikasiForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("seleksi.forms");
  return (
    <ActionForm action={fileSanggahPrakualifikasiAction} doneText={t("sanggahFiled")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="body" label={t("sanggahBody")} hint={t("textHint")}>
        {(field) => <textarea {...field} {...SANGGAH_TEXT} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("fileSanggah")}
      </button>
    </ActionForm>
  );
}
