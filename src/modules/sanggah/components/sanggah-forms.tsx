"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, GroupError, inputClass } from "@/components/ui/form";
import { answerBandingAction, answerSanggahAction, fileBandingAction, fileSanggahAction } from "../sanggah.actions";

const TEXT = { required: true, minLength: 20, maxLength: 10_000, rows: 6, className: inputClass };

/** A bidder's sanggah: "Isi sanggah", "Kirim sanggah". */
export function FileSanggahForm({ tenderId }: { tenderId: string }) {
  const t = useTranslations("remedies");
  return (
    <ActionForm action={fileSanggahAction} doneText={t("vendor.done")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <Field name="body" label={t("vendor.label")} hint={t("common.textHint")}>
        {(field) => <textarea {...field} {...TEXT} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t("vendor.submit")}
      </button>
    </ActionForm>
  );
}

/** The appeal, with the bond Segel computed (1% of HPS) for the vendor to confirm. */
export function FileBandingForm({ sanggahId, bond }: { sanggahId: string; bond: string }) {
  const t = useTranslations("remedies");
  return (
    <ActionForm action={fileBandingAction} doneText={t("vendor.bandingDone")}>
      <input type="hidden" name="sanggahId" value={sanggahId} />
      <Field name="body" label={t("vendor.bandingLabel")} hint={t("common.textHint")}>
        {(field) => <textarea {...field} {...TEXT} />}
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="bondConfirmed" required className="mt-1" />
        <span>{t("vendor.bondConfirm", { amount: bond })}</span>
      </label>
      <GroupError name="bondConfirmed" />
      <button type="submit" className={buttonClass()}>
        {t("vendor.bandingSubmit")}
      </button>
    </ActionForm>
  );
}

/** The answer to a sanggah (Pokja) or a banding (PA/KPA): accepted or rejected, with reasons. */
export function AnswerForm({ kind, id }: { kind: "SANGGAH" | "SANGGAH_BANDING"; id: string }) {
  const t = useTranslations("remedies");
  const isBanding = kind === "SANGGAH_BANDING";
  return (
    <ActionForm
      action={isBanding ? answerBandingAction : answerSanggahAction}
      doneText={t(isBanding ? "kpa.done" : "pokja.done")}
    >
      <input type="hidden" name={isBanding ? "bandingId" : "sanggahId"} value={id} />
      <Choice
        name="verdict"
        legend={t("pokja.verdict")}
        isLegendShown
        options={[
          { value: "ACCEPTED", label: t("common.accepted") },
          { value: "REJECTED", label: t("common.rejected") },
        ]}
      />
      <Field name="answer" label={t(isBanding ? "kpa.label" : "pokja.label")} hint={t("common.textHint")}>
        {(field) => <textarea {...field} {...TEXT} />}
      </Field>
      <button type="submit" className={buttonClass()}>
        {t(isBanding ? "kpa.submit" : "pokja.submit")}
      </button>
    </ActionForm>
  );
}
