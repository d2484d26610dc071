import { getTranslations } from "next-intl/server";
import type { QualificationRow } from "../server/get-qualification-board";

/**
 * Each structured requirement beside each vendor's answer and evidence (issue 15). A server
 * component: the forms were opened at the opening and are read on the server; the evidence
 * links go to the document download, which checks again that this Pokja may read them.
 * "Met" is the system's reading of the form; the Pokja decides in the stage matrix.
 */
export async function QualificationPanel({ rows }: { rows: QualificationRow[] }) {
  const t = await getTranslations("evaluation.qualificationView");
  return (
    <section aria-labelledby="kualifikasi-terstruktur" className="space-y-3">
      <h2 id="kualifikasi-terstruktur" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {rows.map((row) => (
        <div key={row.bidId} className="space-y-1" data-testid={`qualification-${row.bidId}`}>
          <h3 className="font-semibold">{row.vendorName}</h3>
          {row.defects.map((code) => (
            <p key={code} role="status" className="text-sm text-red-800">
              {t(`defect.${code}`)}
            </p>
          ))}
          {row.assessed === null ? (
            <p className="text-sm text-slate-600">{t("noForm")}</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={row.vendorName}>
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">
                      {t("requirement")}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t("answer")}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      {t("evidence")}
                    </th>
                    <th scope="col" className="py-1">
                      {t("reading")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {row.assessed.map((a, i) => (
                    <tr key={i} className="border-b border-slate-200 align-top">
                      <td className="py-1 pr-3">{a.requirement}</td>
                      <td className="py-1 pr-3">{a.answer ?? t("noAnswer")}</td>
                      <td className="py-1 pr-3">
                        {a.documentIds.length === 0
                          ? "-"
                          : a.documentIds.map((id, n) => (
                              <a key={id} href={`/api/documents/${id}`} className="mr-2 underline">
                                {t("document", { n: n + 1 })}
                              </a>
                            ))}
                      </td>
                      <td className={`py-1 font-medium ${a.met ? "text-green-800" : "text-red-800"}`}>
                        {a.met ? t("met") : t("unmet")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
