import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { WinnerProposals } from "../server/get-winner-proposals";
import { DecideWinnerForm, ProposeWinnerButton, WithdrawWinnerButton } from "./winner-proposal-forms";

const TONE = {
  OPEN: "info",
  CANNOT_PASS: "warning",
  ADOPTED: "success",
  WITHDRAWN: "neutral",
  SUPERSEDED: "neutral",
} as const;

/**
 * Penetapan as the Pokja does it: the proposals with each member's decision, a form for
 * each member still to decide, and a new proposal when none is open. The winner counts
 * as set only once the majority approved (the ranking shows it from then on).
 */
export function WinnerProposalPanel({
  tenderId,
  data,
  canPropose,
  at,
}: {
  tenderId: string;
  data: WinnerProposals;
  canPropose: boolean;
  at: (d: Date) => string;
}) {
  const t = useTranslations("evaluation.proposal");
  return (
    <div className="space-y-4" data-testid="winner-proposals">
      <p className="text-sm text-slate-700">{t("rule", { needed: data.needed, members: data.members })}</p>
      {data.proposals.map((p) => (
        <section
          key={p.id}
          aria-label={t("heading", { at: at(p.proposedAt) })}
          className="space-y-2 rounded-md border border-slate-200 p-3"
        >
          <h3 className="font-medium">
            {t("heading", { at: at(p.proposedAt) })}{" "}
            <Badge tone={TONE[p.state as keyof typeof TONE]}>
              {t(`state.${p.state}`, { approvals: p.approvals, needed: data.needed })}
            </Badge>
          </h3>
          <p className="text-sm">{t("by", { name: p.proposedBy })}</p>
          <dl className="grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("winner")}</dt>
            <dd>{p.winner}</dd>
            {p.reserves.map((name, i) => (
              <div key={name} className="contents">
                <dt className="text-slate-600">{t("reserve", { n: i + 1 })}</dt>
                <dd>{name}</dd>
              </div>
            ))}
          </dl>
          <ul className="space-y-1 text-sm">
            {p.decisions.map((d) => (
              <li key={d.name + d.decidedAt.toISOString()}>
                {d.name}:{" "}
                <Badge tone={d.decision === "APPROVE" ? "success" : "danger"}>
                  {t(d.decision === "APPROVE" ? "approved" : "disagreed")}
                </Badge>{" "}
                {at(d.decidedAt)}
                {d.reason ? <span className="block text-slate-700">{d.reason}</span> : null}
              </li>
            ))}
          </ul>
          {p.beritaAcaraId ? (
            <a className="text-sm underline" href={`/api/documents/${p.beritaAcaraId}`}>
              {t("beritaAcara")}
            </a>
          ) : null}
          {p.canDecide ? <DecideWinnerForm tenderId={tenderId} proposalId={p.id} /> : null}
          {p.canWithdraw ? <WithdrawWinnerButton tenderId={tenderId} proposalId={p.id} /> : null}
        </section>
      ))}
      {canPropose && !data.hasOpen ? <ProposeWinnerButton tenderId={tenderId} /> : null}
    </div>
  );
}
