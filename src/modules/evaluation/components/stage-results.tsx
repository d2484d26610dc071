import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatScore } from "../domain/scoring";

export interface StageResult {
  stage: "ADMINISTRASI" | "KUALIFIKASI" | "TEKNIS" | "HARGA" | "PEMBUKTIAN";
  passed: boolean;
  reason: string;
  technicalUnits?: number | null;
  extra?: string | null;
}

/** Pass or fail per stage with the reason, as SPSE shows it to bidders after the announcement. */
export function StageResults({ stages, locale }: { stages: StageResult[]; locale: "id" | "en" }) {
  const t = useTranslations("evaluation");
  if (stages.length === 0) return <p className="text-sm text-slate-600">{t("pokja.noDecision")}</p>;
  return (
    <ul className="space-y-2">
      {stages.map((s) => (
        <li key={s.stage} className="text-sm">
          <span className="font-medium">{t(`stage.${s.stage}`)}</span>{" "}
          <Badge tone={s.passed ? "success" : "danger"}>{t(s.passed ? "result.passed" : "result.failed")}</Badge>
          {s.technicalUnits != null ? (
            <span className="ml-2 text-slate-700">
              {t("pokja.technical")}: {formatScore(s.technicalUnits, locale)}
            </span>
          ) : null}
          {s.extra ? <span className="ml-2 text-slate-600">{s.extra}</span> : null}
          <p className="whitespace-pre-line text-slate-700">{s.reason}</p>
        </li>
      ))}
    </ul>
  );
}
