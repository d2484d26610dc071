import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadPrakualifikasiPage, PrakualifikasiBaList } from "@/modules/seleksi/components/prakualifikasi-page";
import { ApplyPrequalificationForm, FileSanggahPrakualifikasiForm } from "@/modules/seleksi/components/vendor-forms";
import { getVendorPrequalification } from "@/modules/seleksi/server/get-vendor-prequalification";
import { pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("seleksi.vendor"))("title") };
}

export default async function VendorPrakualifikasiPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/penyedia/tender/${tenderId}/prakualifikasi`);
  const {
    view,
    t,
    forms: f,
    at,
  } = await loadPrakualifikasiPage(getVendorPrequalification(actor, tenderId), "seleksi.vendor");
  const { prakualifikasi: prak, sanggahWindow, application } = view;
  return (
    <div className="space-y-6">
      <Link href={`/tender/${view.tender.code}`} className="text-sm">
        {t("back")}
      </Link>
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{view.tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{view.tender.name}</p>
        <p className="text-sm text-slate-700">{t("round", { round: view.round })}</p>
        {prak ? (
          <p className="text-sm text-slate-700">{t("window", { start: at(prak.startsAt), end: at(prak.endsAt) })}</p>
        ) : null}
        {view.status !== "PUBLISHED" ? <p className="text-sm font-medium">{t("ended")}</p> : null}
      </header>
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
