import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ServerClockProvider } from "@/modules/clock/components/server-clock";
import { WindowGate } from "@/modules/clock/components/window-gate";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { AddendumBanner } from "@/modules/addenda/components/addendum-banner";
import { AddendumList } from "@/modules/addenda/components/addendum-list";
import { AskQuestionForm } from "@/modules/questions/components/ask-question-form";
import { QuestionList } from "@/modules/questions/components/question-list";
import { getVendorPenjelasan } from "@/modules/questions/server/get-penjelasan-views";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("questions.vendor"))("title") };
}

export default async function VendorPenjelasanPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/penyedia/tender/${tenderId}/penjelasan`);
  const [t, e, localeValue] = await Promise.all([
    getTranslations("questions.vendor"),
    getTranslations("errors"),
    getLocale(),
  ]);
  const view = await getVendorPenjelasan(actor, tenderId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN")
      return { refused: e.has(error.messageKey) ? e(error.messageKey) : e("FORBIDDEN") };
    throw error;
  });
  if ("refused" in view) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-900">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2">{view.refused}</p>
      </div>
    );
  }
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender, window } = view;
  const at = (d: Date) => formatInZone(d, tender.timeZone, locale);
  const closed = (
    <p className="text-sm text-slate-700" data-testid="ask-closed">
      {t("closed")}
    </p>
  );

  return (
    <div className="space-y-6">
      <Link href={`/tender/${tender.code}`} className="text-sm">
        {t("back")}
      </Link>
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
        <p className="text-sm text-slate-700">
          {window ? t("window", { start: at(window.startsAt), end: at(window.endsAt) }) : t("noWindow")}
        </p>
      </header>
      <AddendumBanner tenderId={tender.id} />
      <Card className="space-y-3">
        <h2 className="font-semibold">{t("askTitle")}</h2>
        {/* The form appears when the window opens and goes when it closes, by the server's clock. */}
        <ServerClockProvider
          serverNow={view.now.getTime()}
          boundaries={view.askWindows.flatMap((w) => [w.startsAt, w.endsAt])}
        >
          <WindowGate windows={view.askWindows} before={closed} after={closed}>
            <AskQuestionForm tenderId={tender.id} />
          </WindowGate>
        </ServerClockProvider>
      </Card>
      <section className="space-y-3" aria-labelledby="qa-heading">
        <h2 id="qa-heading" className="text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {view.questions.length === 0 ? (
          <EmptyState title={(await getTranslations("questions.public"))("empty")} />
        ) : (
          <QuestionList questions={view.questions} timeZone={tender.timeZone} locale={locale} />
        )}
      </section>
      <section className="space-y-3" aria-labelledby="addenda-heading">
        <h2 id="addenda-heading" className="text-xl font-semibold">
          {t("addendaTitle")}
        </h2>
        <AddendumList tenderId={tender.id} timeZone={tender.timeZone} />
      </section>
    </div>
  );
}
