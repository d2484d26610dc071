"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field, GroupError, inputClass } from "@/components/ui/form";
import { formatRupiah } from "@/lib/money";
import { emptyLine, lineTotal, type HpsLineValues } from "./paket-form-values";

interface Props {
  items: HpsLineValues[];
  total: bigint | null;
  errors: Record<string, string[]>;
  onChange: (items: HpsLineValues[]) => void;
}

const FIELDS = [
  { key: "description", label: "description", className: "sm:col-span-5" },
  { key: "unit", label: "unit", className: "sm:col-span-2" },
  { key: "quantity", label: "quantity", className: "sm:col-span-2", inputMode: "numeric" },
  { key: "unitPrice", label: "unitPrice", className: "sm:col-span-3", inputMode: "numeric" },
] as const;

/** The HPS lines: uraian, satuan, volume, harga satuan; with line totals and the HPS total. */
export function HpsItemsFieldset({ items, total, errors, onChange }: Props) {
  const t = useTranslations("paket.form");
  const update = (index: number, key: keyof HpsLineValues, value: string) =>
    onChange(items.map((item, i) => (i === index ? { ...item, [key]: value } : item)));

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4">
      <legend className="px-1 font-semibold">{t("hpsLegend")}</legend>
      <p className="text-sm text-slate-600">{t("hpsHint")}</p>
      <ol className="space-y-4">
        {items.map((item, index) => {
          const amount = lineTotal(item);
          return (
            <li
              key={index}
              data-testid="hps-line"
              aria-label={t("line", { n: index + 1 })}
              className="grid gap-2 border-b border-slate-100 pb-3 sm:grid-cols-12"
            >
              {FIELDS.map((field) => (
                <Field
                  key={field.key}
                  name={`items.${index}.${field.key}`}
                  label={t(field.label)}
                  errors={errors[`items.${index}.${field.key}`]}
                  className={`space-y-1 ${field.className}`}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      name={`items.${index}.${field.key}`}
                      inputMode={"inputMode" in field ? field.inputMode : undefined}
                      value={item[field.key]}
                      onChange={(e) => update(index, field.key, e.target.value)}
                      className={inputClass}
                    />
                  )}
                </Field>
              ))}
              <div className="flex items-center justify-between gap-2 sm:col-span-12">
                <span className="text-sm text-slate-700 tabular-nums">
                  {t("lineTotal", { n: index + 1, amount: amount === null ? "—" : formatRupiah(amount) })}
                </span>
                {items.length > 1 ? (
                  <button
                    type="button"
                    onClick={() => onChange(items.filter((_, i) => i !== index))}
                    className={buttonClass("ghost", "px-2 py-1")}
                  >
                    {t("removeLine", { n: index + 1 })}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <GroupError name="items" errors={errors.items} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <button type="button" onClick={() => onChange([...items, emptyLine()])} className={buttonClass("secondary")}>
          {t("addLine")}
        </button>
        <p data-testid="hps-total" className="font-semibold tabular-nums">
          {t("hpsTotal", { amount: total === null ? "—" : formatRupiah(total) })}
        </p>
      </div>
      <GroupError name="hps" errors={errors.hps} />
    </fieldset>
  );
}
