import Link from "next/link";
import { Card } from "@/components/ui/card";
import {
  loadPrakualifikasiPage,
  PrakualifikasiBaList,
  PrakualifikasiHeader,
  prakualifikasiMetadata,
} from "@/modules/seleksi/components/prakualifikasi-page";
import { ApplyPrequalificationForm, FileSanggahPrakualifikasiForm } from "@/modules/seleksi/components/vendor-forms";
import { getVendorPrequalification } from "@/modules/seleksi/server/get-vendor-prequalification";

export const generateMetadata = () => prakualifikasiMetadata("penyedia");

export default async function VendorPrakualifikasiPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const {
    view,
    t,
    forms: f,
    at,
  } = await loadPrakualifikasiPage("penyedia", (await params).tenderId, getVendorPrequalification);
  const { sanggahWindow, application } = view;
  return (
    <div className="space-y-6">
      <Link href={`/tender/${view.tender.code}`} className="text-sm">
        {t("back")}
      </Link>
      <PrakualifikasiHeader code={view.tender.code} t={t} view={view} at={at} />
      <Card className="space-y-3">
        <p data-testid="prakualifikasi-status">
          {application ? t("submittedAt", { at: at(application.submittedAt) }) : t("notApplied")}
        </p>
        {view.canApply ? (
          <ApplyPrequalificationForm
            tenderId={view.tender.id}
            requirements={view.requirements}
            profile={view.profile}
            hasApplied={Boolean(application)}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("closed")}</p>
        )}
      </Card>
      {application ? (
        <Card className="space-y-2">
          <h2 className="font-semibold">{t("resultTitle")}</h2>
          {application.result ? (
            <>
              <p>{application.result.shortlisted ? t("listed") : t("notListed")}</p>
              {!application.result.shortlisted && application.result.reason ? (
                <p className="text-sm">{t("reason", { reason: application.result.reason })}</p>
              ) : null}
            </>
          ) : (
            <p>{t("resultPending")}</p>
          )}
        </Card>
      ) : null}
      <PrakualifikasiBaList bas={view.beritaAcara} at={at} />
      <section aria-labelledby="sanggah-prak" className="space-y-3">
        <h2 id="sanggah-prak" className="text-lg font-semibold">
          {t("sanggahTitle")}
        </h2>
        {sanggahWindow ? (
          <p className="text-sm text-slate-700">
            {t("sanggahWindow", { start: at(sanggahWindow.startsAt), end: at(sanggahWindow.endsAt) })}
          </p>
        ) : null}
        {view.sanggahs.map((s) => (
          <Card key={s.id} className="space-y-1">
            <p className="text-sm text-slate-700">{t("filedAt", { at: at(s.filedAt) })}</p>
            <p className="whitespace-pre-line">{s.body}</p>
            <p className="text-sm">
              {s.answeredAt && s.decision
                ? t("answer", {
                    decision: s.decision === "ACCEPTED" ? f("accepted") : f("rejected"),
                    answer: s.answer ?? "",
                  })
                : t("answerPending")}
            </p>
          </Card>
        ))}
        {view.canFileSanggah ? (
          <FileSanggahPrakualifikasiForm tenderId={view.tender.id} />
        ) : (
          <p className="text-sm text-slate-700">{t("sanggahClosed")}</p>
        )}
      </section>
    </div>
  );
}
