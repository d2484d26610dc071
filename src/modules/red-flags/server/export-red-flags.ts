import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { csvLine } from "../domain/csv";
import { detailValues } from "../domain/detail-values";
import { definitionOf, RED_FLAG_SOURCES } from "../domain/flags";
import { formatCursor, type RedFlagFilter } from "../red-flags.schemas";
import { findRedFlags, RED_FLAG_EXPORT_PAGE_SIZE } from "./find-red-flags";

export interface RedFlagExportItem {
  ocid: string | null;
  tenderCode: string;
  code: string;
  title: string;
  description: string;
  detail: Record<string, string | number>;
  raisedAt: string;
  buyer: { id: string; name: string };
  fiscalYear: number;
  sources: { name: string; url: string }[];
}

/**
 * One page of the public export, newest first, in an OCDS-friendly shape: each flag names
 * its process by the ocid of the tender's OCDS releases (null before the tender has one)
 * and its buyer like OCDS's `buyer`, with the definition's sources. `next` is the address
 * of the following page (keyset: `before`), null on the last.
 */
export async function exportRedFlags(
  filter: RedFlagFilter,
  locale: Locale,
  selfUrl: URL,
): Promise<{ items: RedFlagExportItem[]; next: string | null }> {
  const [page, t] = await Promise.all([
    findRedFlags(filter, RED_FLAG_EXPORT_PAGE_SIZE),
    getTranslations({ locale, namespace: "redFlags" }),
  ]);
  const items = page.rows.map((r) => ({
    ocid: r.tender.ocid,
    tenderCode: r.tender.code,
    code: r.code,
    title: t(`flags.${r.code}.name`),
    description: t(`flags.${r.code}.detail`, detailValues(r.code, r.detail)),
    detail: r.detail,
    raisedAt: r.raisedAt.toISOString(),
    buyer: { id: r.agency.id, name: r.agency.name },
    fiscalYear: r.fiscalYear,
    sources: definitionOf(r.code).sources.map((s) => RED_FLAG_SOURCES[s]),
  }));
  let next: string | null = null;
  if (page.olderThan) {
    const url = new URL(selfUrl);
    url.searchParams.set("before", formatCursor(page.olderThan));
    next = url.pathname + url.search;
  }
  return { items, next };
}

export const RED_FLAG_CSV_HEADER = csvLine([
  "ocid",
  "tenderCode",
  "code",
  "title",
  "description",
  "raisedAt",
  "buyerId",
  "buyerName",
  "fiscalYear",
  "sources",
]);

export const redFlagCsvLine = (i: RedFlagExportItem) =>
  csvLine([
    i.ocid,
    i.tenderCode,
    i.code,
    i.title,
    i.description,
    i.raisedAt,
    i.buyer.id,
    i.buyer.name,
    i.fiscalYear,
    i.sources.map((s) => s.url).join(" "),
  ]);
