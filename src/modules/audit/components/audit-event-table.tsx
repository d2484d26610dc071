import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { AuditEventRow } from "../server/find-audit-events";

/** Audit events in the LPSE's zone; the sequence number is what the chain check names, and opens the event. */
export async function AuditEventTable(props: {
  events: AuditEventRow[];
  timeZone: string;
  locale: DisplayLocale;
  label: string;
}) {
  const t = await getTranslations("dashboard.audit");
  if (props.events.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <Table label={props.label}>
      <thead>
        <tr>
          <Th>{t("seq")}</Th>
          <Th>{t("time")}</Th>
          <Th>{t("actor")}</Th>
          <Th>{t("action")}</Th>
          <Th>{t("entity")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {props.events.map((event) => (
          <tr key={event.seq}>
            <RowHeader className="font-mono text-xs tabular-nums">
              <Link href={`/audit/${event.seq}`} className="underline">
                #{event.seq}
              </Link>
            </RowHeader>
            <Td className="whitespace-nowrap">
              <time dateTime={event.occurredAt.toISOString()}>
                {formatInZone(event.occurredAt, props.timeZone, props.locale)}
              </time>
            </Td>
            <Td>{event.actorLabel}</Td>
            <Td className="font-mono text-xs">{event.action}</Td>
            <Td className="text-xs">
              {event.entityType} <span className="font-mono break-all text-slate-600">{event.entityId}</span>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
