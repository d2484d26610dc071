import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { CancelTenderSection } from "@/modules/cancellation/components/cancel-tender-section";
import {
  DeclareFailedForm,
  RequestPenunjukanLangsungForm,
  RetenderButton,
} from "@/modules/failure/components/failure-forms";
import { TenderParticipantsCard } from "@/modules/participation/components/tender-participants";
import { findTenderParticipants } from "@/modules/participation/server/find-tender-participants";
import { TenderCompensations } from "@/modules/availability/components/tender-compensations";
import { PenunjukanPanel } from "@/modules/penunjukan/components/penunjukan-panel";
import { DraftSetup } from "@/modules/tenders/components/draft-setup";
import { DocumentList } from "@/modules/tenders/components/document-list";
import { PaketSummary } from "@/modules/tenders/components/paket-summary";
import { RunningSchedule } from "@/modules/tenders/components/running-schedule";
import { ScheduleHistory } from "@/modules/tenders/components/schedule-history";
import { getTenderSetup } from "@/modules/tenders/server/get-tender-setup";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tender.pokja"))("title") };
}

async function load(id: string) {
  const actor = await pageActor(`/pokja/tender/${id}`);
  try {
    return { actor, view: await getTenderSetup(actor, pageId(id)) };
  } catch (error) {
    // Not the actor's tender (or none at all): the same answer, so ids cannot be probed.
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function PokjaTenderPage({ params }: Props) {
  const { id } = await params;
  const [{ actor, view }, t, localeValue] = await Promise.all([load(id), getTranslations("tender"), getLocale()]);
  const isDraft = view.tender.status === "DRAFT";
  const participants = isDraft ? null : await findTenderParticipants(actor, view.tender.id);
  return (
    <div className="space-y-6">
      <header>
        <Link href="/pokja" className="text-sm">
          ← {t("setup.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {t(isDraft ? "setup.title" : "setup.titleRunning", { code: view.tender.code })}
        </h1>
      </header>
      <PaketSummary view={view} />
      <PenunjukanPanel actor={actor} tenderId={view.tender.id} />
      {isDraft ? (
        <>
          <DraftSetup view={view} />
          <CancelTenderSection actor={actor} tenderId={view.tender.id} status={view.tender.status} />
        </>
      ) : (
        <>
          {/* the Pokja's next steps; each page's use case decides whether it may act now */}
          <nav aria-label={t("work.label")} className="flex flex-wrap gap-3 text-sm">
            <Link href={`/pokja/penjelasan/${view.tender.id}`}>{t("work.penjelasan")}</Link>
            <Link href={`/pokja/pembukaan/${view.tender.id}`}>{t("work.opening")}</Link>
            <Link href={`/pokja/evaluasi/${view.tender.id}`}>{t("work.evaluation")}</Link>
            <Link href={`/pokja/sanggah/${view.tender.id}`}>{t("work.sanggah")}</Link>
          </nav>
          {participants ? (
            <TenderParticipantsCard
              view={participants}
              timeZone={view.agency.timeZone}
              locale={isLocale(localeValue) ? localeValue : "id"}
            />
          ) : null}
          <RunningSchedule view={view} />
          <ScheduleHistory view={view} />
          <TenderCompensations actor={actor} tenderId={view.tender.id} timeZone={view.agency.timeZone} />
          <section>
            <h2 className="mb-2 text-lg font-semibold">{t("setup.documentHeading")}</h2>
            <DocumentList documents={view.documents} />
          </section>
          {view.tender.status === "FAILED" ? (
            <section className="space-y-3">
              <RetenderButton tenderId={view.tender.id} />
              <RequestPenunjukanLangsungForm tenderId={view.tender.id} />
            </section>
          ) : view.tender.status === "PUBLISHED" || view.tender.status === "EVALUATION" ? (
            <DeclareFailedForm tenderId={view.tender.id} />
          ) : null}
          <CancelTenderSection actor={actor} tenderId={view.tender.id} status={view.tender.status} />
        </>
      )}
    </div>
  );
}
