import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DisplayLocale } from "@/lib/time";
import { formatInZone } from "@/lib/time";
import { formatRupiah } from "@/lib/money";
import type { SanggahDecision } from "../domain/decision";
import type { SanggahKind } from "../domain/sanggah-kind";

export interface SanggahItemData {
  id: string;
  kind: SanggahKind;
  body: string;
  filedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  decision: SanggahDecision | null;
  bondAmount: bigint | null;
  answerDeadline: Date | null;
  vendor?: { name: string };
  documents: { id: string; fileName: string }[];
}

/** One sanggah or banding with its answer, as each side sees it. */
export async function SanggahItem({
  item,
  timeZone,
  locale,
  showVendor = false,
}: {
  item: SanggahItemData;
  timeZone: string;
  locale: DisplayLocale;
  showVendor?: boolean;
}) {
  const t = await getTranslations("remedies.common");
  const at = (d: Date) => formatInZone(d, timeZone, locale);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        <span className="font-medium">{t(item.kind === "SANGGAH" ? "sanggah" : "banding")}</span>
        {showVendor && item.vendor ? ` · ${item.vendor.name}` : ""} · {t("filedAt", { at: at(item.filedAt) })}
        {item.answerDeadline && !item.answeredAt ? ` · ${t("answerDue", { at: at(item.answerDeadline) })}` : ""}
      </p>
      <p className="whitespace-pre-line">{item.body}</p>
      {item.bondAmount !== null ? (
        <p className="text-sm">{t("bond", { amount: formatRupiah(item.bondAmount) })}</p>
      ) : null}
      {item.documents.length ? (
        <p className="text-sm">
          {t("documents")}:{" "}
          {item.documents.map((d, i) => (
            <span key={d.id}>
              {i ? ", " : ""}
              <a href={`/api/documents/${d.id}`}>{d.fileName}</a>
            </span>
          ))}
        </p>
      ) : null}
      {item.answeredAt ? (
        <div className="rounded-md bg-slate-50 p-3">
          <p className="text-sm font-medium">
            {t("answer")}{" "}
            <Badge tone={item.decision === "ACCEPTED" ? "success" : "danger"}>
              {t(item.decision === "ACCEPTED" ? "accepted" : "rejected")}
            </Badge>{" "}
            · {t("answeredAt", { at: at(item.answeredAt) })}
          </p>
          <p className="whitespace-pre-line">{item.answer}</p>
        </div>
      ) : (
        <Badge tone="warning">{t("unanswered")}</Badge>
      )}
    </div>
  );
}
