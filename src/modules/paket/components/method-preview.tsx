"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ProcurementCategory } from "@/generated/prisma/enums";
import { formatRupiah } from "@/lib/money";
import { fromRuleRow, type MethodRuleRow } from "../domain/method-rule-rows";
import { decideMethod } from "../domain/method-rules";

interface Props {
  rules: MethodRuleRow[];
  category: ProcurementCategory;
  hps: bigint | null;
  pagu: bigint | null;
  /** the paket's creation date (ISO); a new paket is judged on today */
  on: string;
}

/**
 * The method the server will decide, shown while the PPK types: the same pure
 * decideMethod over the same rule rows. The server decides again on save.
 */
export function MethodPreview({ rules, category, hps, pagu, on }: Props) {
  const t = useTranslations("paket.form.preview");
  const c = useTranslations("common");
  const parsed = useMemo(() => rules.map(fromRuleRow), [rules]);
  const value = hps !== null && hps > 0n ? hps : pagu !== null && pagu > 0n ? pagu : null;
  const decision = value === null ? null : decideMethod(parsed, { category, value, on: new Date(on) });

  let main: string;
  let source: string | null = null;
  if (value === null) main = t("noValue");
  else if (!decision) main = t("noRule");
  else {
    main = t("method", {
      method: c(`method.${decision.method}`),
      within: String(decision.withinLimit),
      limit: formatRupiah(decision.rule.limit),
      legalBasis: decision.rule.legalBasis,
    });
    source =
      value === hps ? t("fromHps", { amount: formatRupiah(value) }) : t("fromPagu", { amount: formatRupiah(value) });
  }
  return (
    <div aria-live="polite" className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
      <p data-testid="method-preview" className="font-medium text-slate-900">
        {main}
      </p>
      {source ? <p className="mt-1 text-slate-700">{source}</p> : null}
    </div>
  );
}
