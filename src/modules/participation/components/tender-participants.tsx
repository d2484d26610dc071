import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { TenderParticipants } from "../server/find-tender-participants";

/** The Pokja's view of who takes part: registered vendors, and the bids in (a number until the opening). */
export async function TenderParticipantsCard({
  view,
  timeZone,
  locale,
}: {
  view: TenderParticipants;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("tender.participants");
  const at = (d: Date) => formatInZone(d, timeZone, locale);
  return (
    <Card className="space-y-3" data-testid="participants">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm" data-testid="participant-count">
        {t("registered", { count: view.participantCount })}
      </p>
      {view.participants.length > 0 ? (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("vendor")}</Th>
              <Th>{t("npwp")}</Th>
              <Th>{t("registeredAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {view.participants.map((p) => (
              <tr key={p.vendorId}>
                <RowHeader>{p.name}</RowHeader>
                <Td className="font-mono">{p.npwp}</Td>
                <Td>{at(p.registeredAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {view.participants.length < view.participantCount ? (
        <p className="text-sm text-slate-600">{t("listCut", { shown: view.participants.length })}</p>
      ) : null}
      <h3 className="font-medium">{t("bidsTitle")}</h3>
      <p className="text-sm" data-testid="submitted-count">
        {t("submitted", { count: view.submittedCount })}
      </p>
      {view.submittedBids === null ? (
        <p className="text-sm text-slate-600">{t("bidsSealed")}</p>
      ) : view.submittedBids.length > 0 ? (
        <ol className="list-decimal space-y-1 pl-5 text-sm">
          {view.submittedBids.map((b) => (
            <li key={b.id}>
              {b.vendorName} · {t("submittedAt", { at: at(b.submittedAt) })}
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
