import Link from "next/link";
import { Card } from "@/components/ui/card";
import {
  AnswerSanggahPrakualifikasiForm,
  ConcludePrequalificationForm,
  DecideApplicationForm,
} from "@/modules/seleksi/components/pokja-forms";
import {
  loadPrakualifikasiPage,
  PrakualifikasiBaList,
  PrakualifikasiHeader,
  prakualifikasiMetadata,
} from "@/modules/seleksi/components/prakualifikasi-page";
import { getPokjaPrequalification } from "@/modules/seleksi/server/get-pokja-prequalification";

export const generateMetadata = () => prakualifikasiMetadata("pokja");

export default async function PokjaPrakualifikasiPage({ params }: { params: Promise<{ id: string }> }) {
  const { view, t, forms: r, at } = await loadPrakualifikasiPage("pokja", (await params).id, getPokjaPrequalification);
  const { rules, prakualifikasi: prak } = view;
  return (
    <div className="space-y-6">
      <Link href={`/pokja/tender/${view.tender.id}`} className="text-sm">
        ← {view.tender.code}
      </Link>
      <PrakualifikasiHeader t={t} view={view} at={at}>
        <p className="text-xs text-slate-600">
          {t("rules", {
            min: rules.shortlistMin,
            max: rules.shortlistMax,
            repeats: rules.prequalificationRepeats,
            minAfter: rules.shortlistMinAfterRepeat,
            basis: rules.seleksiBasis,
          })}
        </p>
        {view.announcedAt ? (
          <p className="text-sm font-medium">{t("announced", { at: at(view.announcedAt) })}</p>
        ) : null}
      </PrakualifikasiHeader>

      {!view.formsReadable && prak ? <p role="status">{t("formsHidden", { end: at(prak.endsAt) })}</p> : null}
      {view.applications.length === 0 ? <p>{t("noApplications")}</p> : null}
      {view.applications.map((a) => (
        <Card key={a.id} className="space-y-3">
          <h2 className="font-semibold">
            {a.vendorName} {a.shortlisted ? <span className="text-sm text-green-800">({t("shortlisted")})</span> : null}
          </h2>
          <p className="text-sm text-slate-700">{t("submittedAt", { at: at(a.submittedAt) })}</p>
          {a.assessment ? (
            a.assessment.length ? (
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left">
                    <th scope="col">{t("requirement")}</th>
                    <th scope="col">{t("answer")}</th>
                    <th scope="col" className="sr-only">
                      {t("met")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {a.assessment.map((row, i) => (
                    <tr key={i} className="border-t border-slate-200 align-top">
                      <td className="py-1 pr-2">{row.requirement}</td>
                      <td className="py-1 pr-2">{row.answer ?? "—"}</td>
                      <td className="py-1">{row.met ? t("met") : t("notMet")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-sm">{t("noRequirements")}</p>
            )
          ) : null}
          <p className="text-sm">
            {a.passed === null
              ? t("undecided")
              : t("decision", { passed: a.passed ? t("passedYes") : t("passedNo"), score: a.score ?? "—" })}
            {a.reason ? ` — ${a.reason}` : ""}
          </p>
          {view.canDecide ? (
            <DecideApplicationForm applicationId={a.id} passed={a.passed} score={a.score} reason={a.reason} />
          ) : null}
        </Card>
      ))}
      {view.canDecide ? (
        <Card>
          <ConcludePrequalificationForm tenderId={view.tender.id} />
        </Card>
      ) : (
        <p className="text-sm text-slate-700">{t("decisionsClosed")}</p>
      )}

      <PrakualifikasiBaList bas={view.beritaAcara} at={at} />

      <section aria-labelledby="sanggah-prak" className="space-y-3">
        <h2 id="sanggah-prak" className="text-lg font-semibold">
          {t("sanggahTitle")}
        </h2>
        {view.sanggahs.length === 0 ? <p>{t("noSanggah")}</p> : null}
        {view.sanggahs.map((s) => (
          <Card key={s.id} className="space-y-2">
            <p className="text-sm text-slate-700">{t("filedBy", { vendor: s.vendor.name, at: at(s.filedAt) })}</p>
            <p className="whitespace-pre-line">{s.body}</p>
            {s.answeredAt && s.decision ? (
              <p className="text-sm">
                {t("answered", {
                  decision: s.decision === "ACCEPTED" ? r("accepted") : r("rejected"),
                  answer: s.answer ?? "",
                })}
              </p>
            ) : view.status === "PUBLISHED" ? (
              <AnswerSanggahPrakualifikasiForm sanggahId={s.id} />
            ) : null}
          </Card>
        ))}
      </section>
    </div>
  );
}
