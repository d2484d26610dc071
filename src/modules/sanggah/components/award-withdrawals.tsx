import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import {
  findAwardWithdrawals,
  type AwardWithdrawalView,
  type findWithdrawnResult,
} from "../server/find-award-withdrawals";

/**
 * The public trace of an accepted sanggah: each withdrawn award (when announced, which
 * winner, when withdrawn and by which kind of objection) and the re-evaluations after it.
 * `isReevaluating` adds that a new result is still to come.
 */
export async function AwardWithdrawals(props: {
  withdrawals: readonly AwardWithdrawalView[];
  isReevaluating: boolean;
  timeZone: string;
  locale: DisplayLocale;
}) {
  if (props.withdrawals.length === 0) return null;
  const t = await getTranslations("remedies.reevaluation");
  const at = (d: Date) => formatInZone(d, props.timeZone, props.locale);
  return (
    <Card className="space-y-2 border-amber-300" data-testid="award-withdrawals">
      <h2 className="text-lg font-semibold">{t("withdrawnTitle")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {props.withdrawals.map((w) => (
          <li key={w.id}>
            {t("withdrawnItem", {
              announcedAt: at(w.announcedAt),
              winner: w.winnerBid.vendor.name,
              withdrawnAt: at(w.withdrawnAt),
              kind: t(`kind.${w.sanggah.kind}`),
            })}
            {w.reopenings.map((r, i) => (
              <p key={i} className="text-slate-700">
                {t("reopenedItem", { stage: t(`stages.${r.fromStage}`), at: at(r.reopenedAt), reason: r.reason })}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {props.isReevaluating ? (
        <p role="status" className="text-sm text-amber-900">
          {t("reevaluating")}
        </p>
      ) : null}
    </Card>
  );
}

/** The withdrawals of one tender, loaded here, for the announcement and the winner page. */
export async function TenderAwardWithdrawals(props: {
  tender: { id: string } | { code: string };
  isReevaluating: boolean;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const withdrawals = await findAwardWithdrawals(props.tender);
  return (
    <AwardWithdrawals
      withdrawals={withdrawals}
      isReevaluating={props.isReevaluating}
      timeZone={props.timeZone}
      locale={props.locale}
    />
  );
}

/** The winner page while the result is being redone: the award that fell, and that a new one is to come. */
export async function WithdrawnResult({
  result,
  locale,
}: {
  result: NonNullable<Awaited<ReturnType<typeof findWithdrawnResult>>>;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("evaluation.public");
  return (
    <article aria-labelledby="judul" className="space-y-6">
      <p className="text-sm">
        <Link href={`/tender/${result.tender.code}`} prefetch={false}>
          ← {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-600">
          {t("title")} · <span className="font-mono">{result.tender.code}</span>
        </p>
        <h1 id="judul" className="text-2xl font-semibold break-words">
          {result.tender.name}
        </h1>
      </header>
      <AwardWithdrawals
        withdrawals={result.withdrawals}
        isReevaluating
        timeZone={result.tender.timeZone}
        locale={locale}
      />
    </article>
  );
}
