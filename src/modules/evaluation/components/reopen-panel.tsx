import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { DisplayLocale } from "@/lib/time";
import { AwardWithdrawals } from "@/modules/sanggah/components";
import { findWithdrawnResult } from "@/modules/sanggah";
import { ReopenEvaluationForm } from "./reopen-form";

/**
 * On the evaluation desk while an accepted sanggah has withdrawn the award: what fell, and
 * the form to reopen from the stage the objection concerns (reopen-evaluation.ts checks
 * the Pokja seat and the state again). Nothing otherwise.
 */
export async function ReopenPanel({
  tenderCode,
  locale,
  hasPrakualifikasi = false,
}: {
  tenderCode: string;
  locale: DisplayLocale;
  hasPrakualifikasi?: boolean;
}) {
  const withdrawn = await findWithdrawnResult(tenderCode);
  if (!withdrawn) return null;
  const t = await getTranslations("remedies.reevaluation");
  return (
    <section aria-labelledby="evaluasi-ulang" className="space-y-3">
      <AwardWithdrawals
        withdrawals={withdrawn.withdrawals}
        isReevaluating={false}
        timeZone={withdrawn.tender.timeZone}
        locale={locale}
      />
      <Card className="space-y-3">
        <h2 id="evaluasi-ulang" className="text-lg font-semibold">
          {t("reopenTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("reopenIntro")}</p>
        <ReopenEvaluationForm tenderId={withdrawn.tender.id} hasPrakualifikasi={hasPrakualifikasi} />
      </Card>
    </section>
  );
}
