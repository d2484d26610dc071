import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";
import type { PrequalificationBa } from "../server/find-prequalification-bas";

const NAMESPACE = { pokja: "seleksi.pokja", penyedia: "seleksi.vendor" } as const;
type Side = keyof typeof NAMESPACE;

/** The page's title, in the reader's language. */
export async function prakualifikasiMetadata(side: Side): Promise<Metadata> {
  return { title: (await getTranslations(NAMESPACE[side]))("title") };
}

/**
 * What both prakualifikasi pages (the Pokja's and the applicant's) start with: the signed-in
 * reader, the view its use case gives, or a 404 when the id is no UUID, the tender is not the
 * reader's, has no prakualifikasi or the reader has no role there (the same answer for each,
 * so ids cannot be probed); the page's and the forms' messages; times in the agency's zone.
 */
export async function loadPrakualifikasiPage<V extends { tender: { timeZone: string } }>(
  side: Side,
  rawId: string,
  read: (actor: Actor, tenderId: string) => Promise<V>,
) {
  const tenderId = pageId(rawId);
  const actor = await pageActor(`/${side}/tender/${tenderId}/prakualifikasi`);
  const view = await read(actor, tenderId).catch((error: unknown) => {
    if (isAppError(error) && ["NOT_FOUND", "INVALID_STATE", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  });
  const [t, forms, localeValue] = await Promise.all([
    getTranslations(NAMESPACE[side]),
    getTranslations("seleksi.forms"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date) => formatInZone(d, view.tender.timeZone, locale);
  return { view, t, forms, at };
}

/** The top of both pages: the title, the paket, the round and its window, whether the seleksi still runs. */
export function PrakualifikasiHeader({
  code,
  t,
  view,
  at,
  children,
}: {
  /** the tender's code above the title (the applicant's page; the Pokja's links back by it) */
  code?: string;
  t: (key: string, values?: Record<string, string | number>) => string;
  view: {
    tender: { name: string };
    round: number;
    status: string;
    prakualifikasi: { startsAt: Date; endsAt: Date } | null;
  };
  at: (d: Date) => string;
  children?: ReactNode;
}) {
  const prak = view.prakualifikasi;
  return (
    <header className="space-y-1">
      {code ? <p className="font-mono text-sm text-slate-600">{code}</p> : null}
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{view.tender.name}</p>
      <p className="text-sm text-slate-700">{t("round", { round: view.round })}</p>
      {prak ? (
        <p className="text-sm text-slate-700">{t("window", { start: at(prak.startsAt), end: at(prak.endsAt) })}</p>
      ) : null}
      {children}
      {view.status !== "PUBLISHED" ? <p className="text-sm font-medium">{t("ended")}</p> : null}
    </header>
  );
}

/** The round's Berita Acara Hasil Prakualifikasi, each conclusion's own, oldest first. */
export async function PrakualifikasiBaList({ bas, at }: { bas: PrequalificationBa[]; at: (d: Date) => string }) {
  if (bas.length === 0) return null;
  const t = await getTranslations("seleksi.beritaAcara");
  return (
    <section aria-labelledby="ba-prak" className="space-y-2">
      <h2 id="ba-prak" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="list-disc space-y-2 pl-6">
        {bas.map((ba) => (
          <li key={ba.documentId}>
            <a className="underline" href={`/api/documents/${ba.documentId}`}>
              {t("link", { round: ba.round, outcome: t(`outcome.${ba.outcome}`), at: at(ba.at) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
