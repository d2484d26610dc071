import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money";
import { nextDayAt, toZonedLocal, zoneLabel } from "@/lib/zoned-time";
import { REQUIREMENT_LIMITS } from "@/modules/qualification/domain";
import { choosableBidParts } from "../domain/bid-parts";
import { BID_SECURITY_RULE } from "../domain/bid-security";
import { buildDefaultSchedule } from "../domain/schedule";
import type { TenderSetupView } from "../server/get-tender-setup";
import { DocumentList } from "./document-list";
import { DocumentUpload } from "./document-upload";
import { MethodChoiceForm } from "./method-choice-form";
import { PublishButton } from "./publish-button";
import { ScheduleForm } from "./schedule-form";
import { SetupForm } from "./setup-form";
import { RequirementsForm } from "./requirements-form";
import { requirementsValues } from "./requirements-values";

/** The set-up of a draft tender: documents, requirements, schedule, and the announcement. */
export async function DraftSetup({ view }: { view: TenderSetupView }) {
  const [t, c, q] = await Promise.all([
    getTranslations("tender"),
    getTranslations("common"),
    getTranslations("qualification.requirements"),
  ]);
  const { tender, agency } = view;
  const zone = agency.timeZone;
  // Unsaved: propose the procedure's default lengths from 08.00 tomorrow, agency time.
  const isDefault = tender.stages.length === 0;
  const stages = isDefault ? buildDefaultSchedule(view.procedure.stages, nextDayAt(view.now, zone)) : tender.stages;
  const bidSecurity = view.bidSecurity.required
    ? {
        min: formatRupiah(view.bidSecurity.min),
        max: formatRupiah(view.bidSecurity.max),
        basis: BID_SECURITY_RULE.legalBasis,
      }
    : null;

  return (
    <>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("setup.documentHeading")}</h2>
        <DocumentList documents={view.documents} />
        <div className="mt-4">
          <DocumentUpload tenderId={tender.id} />
        </div>
      </Card>
      {view.methodChoice.length ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("setup.methodHeading")}</h2>
          <MethodChoiceForm
            tenderId={tender.id}
            method={tender.method}
            choices={view.methodChoice.map((m) => ({ value: m, label: c(`method.${m}`) }))}
          />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("setup.setupHeading")}</h2>
        <SetupForm
          tenderId={tender.id}
          qualification={tender.qualification ?? ""}
          requiredKbli={tender.requiredKbli.join(", ")}
          requiredPermits={tender.requiredPermits.join("\n")}
          isCepat={tender.method === "TENDER_CEPAT"}
          evaluationMethod={tender.evaluationMethod}
          methods={view.procedure.evaluationMethods}
          technicalPassingGrade={tender.technicalPassingGrade}
          defaultPassingGrade={view.procedure.technicalPassingGrade}
          technicalWeight={tender.technicalWeight}
          priceWeight={tender.priceWeight}
          bidSecurityAmount={tender.bidSecurityAmount === null ? "" : formatRupiah(tender.bidSecurityAmount)}
          bidSecurity={bidSecurity}
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{q("title")}</h2>
        <RequirementsForm
          tenderId={tender.id}
          isCepat={tender.method === "TENDER_CEPAT"}
          values={requirementsValues(view.requirements)}
          parts={choosableBidParts(view.procedure.bidParts).map((p) => ({ value: p, label: q(`part.${p}`) }))}
          chosenParts={tender.bidParts.length ? tender.bidParts : view.procedure.bidParts}
          hasBidSecurity={view.requiredBidParts.includes("JAMINAN_PENAWARAN")}
          limits={REQUIREMENT_LIMITS}
        />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("setup.scheduleHeading")}</h2>
        <p className="mb-3 text-sm text-slate-700">
          {t("setup.scheduleZone", { label: zoneLabel(view.now, zone), zone })}
        </p>
        {isDefault ? <p className="mb-3 text-sm text-amber-900">{t("setup.scheduleDefault")}</p> : null}
        <ScheduleForm
          tenderId={tender.id}
          timeZone={zone}
          // the minimum shown is the procedure's today: saving applies it, whatever an older save had
          stages={stages.map((s, i) => ({
            kind: s.kind,
            startsAt: toZonedLocal(s.startsAt, zone),
            endsAt: toZonedLocal(s.endsAt, zone),
            minHours: view.procedure.stages[i]?.minHours ?? 0,
          }))}
        />
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("setup.publishHeading")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("setup.publishIntro")}</p>
        {tender.method === "TENDER_CEPAT" ? null : (
          // not a condition of publishing: the free-text qualification still serves (issue 15)
          <p className="mb-3 text-sm text-slate-700">{view.requirements ? q("checklistSet") : q("checklistNotSet")}</p>
        )}
        {view.checklist.length === 0 ? (
          <p className="mb-3 text-sm text-green-800">{t("setup.checklistReady")}</p>
        ) : (
          <div className="mb-3 text-sm">
            <p>{t("setup.checklistPending")}</p>
            <ul className="list-disc pl-5">
              {view.checklist.map((item) => {
                const kind = item.field.startsWith("schedule.") ? item.field.slice("schedule.".length) : null;
                return (
                  <li key={`${item.field}-${item.key}`}>
                    {t(`problem.${item.key}`, { stage: kind ? t(`stage.${kind}`) : "" })}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <PublishButton
          // a refusal lists what was missing then; once a save changes the checklist it is stale, so it goes
          key={view.checklist.map((item) => `${item.field}:${item.key}`).join("|")}
          tenderId={tender.id}
        />
      </Card>
    </>
  );
}
