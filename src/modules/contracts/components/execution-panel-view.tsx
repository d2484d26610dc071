import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone } from "@/lib/time";
import { toZonedLocal } from "@/lib/zoned-time";
import { RATING_ASPECTS, isVendorFault } from "../domain";
import type { ExecutionView } from "../server/get-execution-view";
import type { ContractTerminView } from "./execution-panel";
import { AddendumForm, BastForm, PaymentForm, ProgressForm, RatingForm, TerminationForm } from "./execution-forms";

interface Props {
  contractId: string;
  termins: ContractTerminView[];
  view: ExecutionView;
  timeZone: string;
  locale: "id" | "en";
  /** the day in the agency's zone ("2026-12-07"): the forms' default date and its latest */
  today: string;
}

/**
 * The execution's markup: each termin's progress, BAST and payment, the addenda, the termination
 * and the rating, with the forms of whoever may act now (the use cases decide again).
 */
export function ExecutionPanelView({ contractId, termins, view, timeZone, locale, today }: Props) {
  const t = useTranslations("contracts.execution");
  const day = (d: Date | null) => (d ? formatDateInZone(d, timeZone, locale) : "–");
  const active = view.status === "ACTIVE";
  return (
    <Card className="space-y-4">
      <section aria-labelledby="pelaksanaan-judul" className="space-y-3">
        <h2 id="pelaksanaan-judul" className="font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">
          {t("progressSummary", { progress: view.progress })}
          {view.running && active
            ? ` ${t("runningTermin", { position: view.running.position, needed: view.running.needed })}`
            : ""}
        </p>
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("termin")}</Th>
              <Th className="text-right">{t("amount")}</Th>
              <Th className="text-right">{t("progress")}</Th>
              <Th>{t("bast")}</Th>
              <Th>{t("payment")}</Th>
            </tr>
          </thead>
          <tbody>
            {termins.map((termin) => (
              <tr key={termin.id}>
                <Td>{termin.position}</Td>
                <Td className="text-right tabular-nums">{formatRupiah(termin.amount)}</Td>
                <Td className="text-right tabular-nums">
                  {termin.progressReportedAt ? `${termin.progressPercent}%` : "–"}
                </Td>
                <Td>
                  {termin.bastNumber ? t("bastValue", { number: termin.bastNumber, date: day(termin.bastAt) }) : "–"}
                </Td>
                <Td>
                  {termin.paidAmount !== null
                    ? t("paymentValue", {
                        amount: formatRupiah(termin.paidAmount),
                        date: day(termin.paidAt),
                        reference: termin.paymentReference ?? "",
                      })
                    : "–"}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {view.mayReport && active && view.running ? (
          <ProgressForm contractId={contractId} position={view.running.position} last={view.progress} />
        ) : null}
        {view.mayManage && active && view.running ? (
          <BastForm contractId={contractId} position={view.running.position} today={today} />
        ) : null}
        {view.mayManage
          ? termins
              .filter((termin) => termin.bastAt && !termin.paidAt)
              .map((termin) => (
                <PaymentForm key={termin.id} contractId={contractId} position={termin.position} today={today} />
              ))
          : null}
      </section>
      <AddendaSection view={view} contractId={contractId} timeZone={timeZone} day={day} />
      <EndSection view={view} contractId={contractId} day={day} />
    </Card>
  );
}

function AddendaSection({
  view,
  contractId,
  timeZone,
  day,
}: {
  view: ExecutionView;
  contractId: string;
  timeZone: string;
  day: (d: Date | null) => string;
}) {
  const t = useTranslations("contracts.addendum");
  const mayAmend = view.mayManage && (view.status === "SIGNED" || view.status === "ACTIVE");
  if (!view.addenda.length && !mayAmend) return null;
  return (
    <section aria-labelledby="adendum-judul" className="space-y-2">
      <h3 id="adendum-judul" className="font-semibold">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-700">
        {t("limit", { original: formatRupiah(view.originalValue), max: formatRupiah(view.maxValue) })}
      </p>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {view.addenda.map((a) => (
          <li key={a.number}>
            {t("entry", {
              number: a.number,
              before: formatRupiah(a.valueBefore),
              after: formatRupiah(a.valueAfter),
              endsOn: day(a.endsOnAfter),
              date: day(a.createdAt),
            })}{" "}
            <span className="text-slate-700">{a.reason}</span>
          </li>
        ))}
      </ol>
      {mayAmend ? (
        <AddendumForm
          contractId={contractId}
          value={view.value.toString()}
          endsOn={toZonedLocal(view.endsOn, timeZone).slice(0, 10)}
        />
      ) : null}
    </section>
  );
}

function EndSection({
  view,
  contractId,
  day,
}: {
  view: ExecutionView;
  contractId: string;
  day: (d: Date | null) => string;
}) {
  const tt = useTranslations("contracts.termination");
  const tr = useTranslations("contracts.rating");
  const mayTerminate = view.mayManage && (view.status === "SIGNED" || view.status === "ACTIVE");
  const ended = view.status === "COMPLETED" || view.status === "TERMINATED";
  return (
    <>
      {view.terminatedAt ? (
        <section aria-labelledby="pemutusan-judul" className="space-y-1 text-sm">
          <h3 id="pemutusan-judul" className="font-semibold">
            {tt("title")}
          </h3>
          <p>{tt("doneAt", { date: day(view.terminatedAt) })}</p>
          {/* a contract terminated before grounds were recorded has none */}
          {view.terminationGround ? (
            <p>
              {tt("ground")}: {tt(`grounds.${view.terminationGround}`)}
            </p>
          ) : null}
          <p className="whitespace-pre-line text-slate-700">{view.terminationReason}</p>
          {view.terminationGround && isVendorFault(view.terminationGround) ? <p>{tt("blacklistDue")}</p> : null}
          {view.bondToClaim !== null ? <p>{tt("bondClaimed", { amount: formatRupiah(view.bondToClaim) })}</p> : null}
        </section>
      ) : mayTerminate ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">{tt("title")}</summary>
          <p className="my-2 text-slate-700">{tt("intro")}</p>
          <TerminationForm contractId={contractId} />
        </details>
      ) : null}
      {view.rating ? (
        <section aria-labelledby="penilaian-judul" className="space-y-1 text-sm">
          <h3 id="penilaian-judul" className="font-semibold">
            {tr("title")}
          </h3>
          <ul className="list-disc pl-5">
            {RATING_ASPECTS.map((aspect) => (
              <li key={aspect}>
                {tr(`aspect.${aspect}`)}: {tr(`score.${view.rating![aspect]}`)}
              </li>
            ))}
          </ul>
          <p className="text-slate-700">{view.rating.note}</p>
          <p className="text-slate-600">{tr("ratedAt", { date: day(view.rating.ratedAt) })}</p>
        </section>
      ) : view.mayManage && ended ? (
        <section aria-labelledby="penilaian-judul" className="space-y-2">
          <h3 id="penilaian-judul" className="font-semibold">
            {tr("title")}
          </h3>
          <p className="text-sm text-slate-700">{tr("intro")}</p>
          <RatingForm contractId={contractId} />
        </section>
      ) : null}
    </>
  );
}
