import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { LedgerRow, StatusView } from "@/modules/availability/server/get-status";

// The parts of /status. Server components only: the page carries no JavaScript of its own.

type Ctx = { status: StatusView; locale: DisplayLocale };
/** Whole minutes, rounded up: a lost 30 seconds shows as 1 minute, never as nothing. */
function split(seconds: number) {
  const total = Math.ceil(seconds / 60);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

export async function LedgerSection({ status, locale }: Ctx) {
  const t = await getTranslations("availability.status");
  const when = (d: Date) => formatInZone(d, status.timeZone, locale);
  return (
    <section aria-labelledby="ledger" className="space-y-3">
      <h2 id="ledger" className="text-lg font-semibold">
        {t("ledgerTitle", { days: status.ledgerDays })}
      </h2>
      <p className="text-sm text-slate-600">{t("partialNote")}</p>
      {status.ledger.length === 0 ? (
        <EmptyState title={t("ledgerNone", { days: status.ledgerDays })} />
      ) : (
        <ol className="space-y-4">
          {status.ledger.map((o) => (
            <OutageItem key={o.id} outage={o} when={when} locale={locale} />
          ))}
        </ol>
      )}
    </section>
  );
}

async function OutageItem({
  outage: o,
  when,
}: {
  outage: LedgerRow;
  when: (d: Date) => string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("availability.status");
  const tStage = await getTranslations("common.stage");
  const duration = (seconds: number) => t("duration", split(seconds));
  return (
    <li
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="incident-row"
      data-outage-id={o.id}
      data-cause={o.cause}
      data-scope={o.scope}
      data-ongoing={o.ongoing ? "true" : "false"}
    >
      <p className="font-medium">
        {t(`cause.${o.cause}`)} · {t(`scope.${o.scope}`)}
        {o.role ? ` (${t(`role.${o.role}`)})` : ""}
        {o.countsAsDowntime ? "" : ` · ${t("partial")}`}
      </p>
      <p className="text-sm text-slate-700">
        {o.endsAt && !o.ongoing
          ? `${t("period", { from: when(o.startsAt), until: when(o.endsAt) })} (${duration((o.endsAt.getTime() - o.startsAt.getTime()) / 1000)})`
          : t("since", { from: when(o.startsAt) })}
      </p>
      {o.description ? <p className="mt-1 text-sm whitespace-pre-line">{o.description}</p> : null}
      {o.compensations.length > 0 ? (
        <div className="mt-3">
          <Table label={t("compensationsTitle")}>
            <thead>
              <tr>
                <Th>{t("col.tender")}</Th>
                <Th>{t("col.stage")}</Th>
                <Th>{t("col.lost")}</Th>
                <Th>{t("col.extension")}</Th>
                <Th>{t("col.end")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {o.compensations.map((c) => (
                <tr
                  key={`${c.tenderCode}-${c.stageKind}`}
                  data-testid="compensation-row"
                  data-tender-code={c.tenderCode}
                >
                  <RowHeader>
                    <a href={`/tender/${encodeURIComponent(c.tenderCode)}`} className="underline">
                      {c.tenderCode}
                    </a>
                  </RowHeader>
                  <Td>{tStage(c.stageKind)}</Td>
                  <Td className="whitespace-nowrap">{duration(c.lostSeconds)}</Td>
                  <Td className="whitespace-nowrap">{duration(c.extensionSeconds)}</Td>
                  <Td>
                    {t("endChange", { old: when(c.oldEndsAt), new: when(c.newEndsAt) })}
                    {c.additions.map((a) => (
                      <p key={a.createdAt.toISOString()} className="text-slate-600" data-testid="compensation-addition">
                        {t("addition", {
                          duration: duration(a.seconds),
                          reason: a.reason,
                          old: when(a.oldEndsAt),
                          new: when(a.newEndsAt),
                        })}
                      </p>
                    ))}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : o.ongoing || !o.compensatedAt ? (
        o.countsAsDowntime || o.cause === "DECLARED" ? (
          <p className="mt-2 text-sm text-slate-600">{t("compensationsPending")}</p>
        ) : null
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("compensationsNone")}</p>
      )}
    </li>
  );
}

export async function AvailabilitySection({ status, locale }: Ctx) {
  const t = await getTranslations("availability.status");
  const monthName = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
    timeZone: status.timeZone,
    month: "long",
    year: "numeric",
  });
  return (
    <section aria-labelledby="availability" className="space-y-3">
      <h2 id="availability" className="text-lg font-semibold">
        {t("availabilityTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("availabilityNote")}</p>
      <Table label={t("availabilityTitle")}>
        <thead>
          <tr>
            <Th>{t("col.month")}</Th>
            <Th>{t("col.availability")}</Th>
            <Th>{t("col.downtime")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {status.availability.map((m) => (
            <tr key={m.month} data-testid="availability-month" data-month={m.month}>
              <RowHeader>{monthName.format(m.startsAt)}</RowHeader>
              <Td className="tabular-nums">
                {t("percent", {
                  value: m.percent.toLocaleString(locale === "en" ? "en-GB" : "id-ID", { minimumFractionDigits: 2 }),
                })}
              </Td>
              <Td className="tabular-nums">{t("duration", split(m.downSeconds))}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

export async function RuleSection({ status }: { status: StatusView }) {
  const t = await getTranslations("availability.status");
  const r = status.rule;
  const figures = [
    "heartbeatSeconds",
    "gapSeconds",
    "workerStaleSeconds",
    "compensationLeadHours",
    "compensationUnitMinutes",
    "maintenanceNoticeHours",
  ] as const;
  return (
    <section aria-labelledby="rule" className="space-y-3">
      <h2 id="rule" className="text-lg font-semibold">
        {t("ruleTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("ruleIntro", { leadHours: r.compensationLeadHours })}</p>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {figures.map((f) => (
          <div key={f} className="contents" data-testid="rule-figure" data-figure={f}>
            <dt>{t(`figures.${f}`)}</dt>
            <dd className="text-right tabular-nums">{r[f]}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("basis", { basis: r.settingsBasis })}</p>
      <Table label={t("col.procedure")}>
        <thead>
          <tr>
            <Th>{t("col.procedure")}</Th>
            <Th>{t("col.minHours")}</Th>
            <Th>{t("col.basis")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {r.procedures.map((p) => (
            <tr key={p.key}>
              <RowHeader>{p.name}</RowHeader>
              <Td className="tabular-nums">{p.compensationMinHours}</Td>
              <Td>{p.compensationMinBasis}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
