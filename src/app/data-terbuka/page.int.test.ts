import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { insertRelease, makeOcdsProcess } from "@/modules/open-data/server/feed.fixtures";
import OpenDataPage from "./page";

// The page's own words, in Indonesian, through the real message files.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/i18n/messages");
  const messages = await loadMessages("id");
  return {
    getTranslations: async (namespace: string) =>
      createTranslator({ locale: "id", messages: messages as never, namespace: namespace as never }),
  };
});

const render = async () => renderToStaticMarkup(await OpenDataPage());

describe("/data-terbuka", () => {
  it("before anything is published: the prefix, the feed link, and no example or file yet", async () => {
    const process = await makeOcdsProcess();
    const html = await render();
    expect(html).toContain(`${process.prefix}-`);
    expect(html).toContain('href="/api/ocds/feed"');
    expect(html).toContain("https://creativecommons.org/licenses/by/4.0/");
    expect(html).toContain("Belum ada rilis yang diterbitkan.");
    expect(html).not.toContain("/api/ocds/bulk/20");
    expect(html).toContain("Rincian HPS per item");
  });

  it("links an example record and the bulk file of each year with releases, newest first", async () => {
    const [a, b] = [await makeOcdsProcess(), await makeOcdsProcess()];
    await insertRelease(a, 1, { fiscalYear: 2025 });
    await insertRelease(b, 1);
    const html = await render();
    expect(html).toContain(`href="/api/ocds/records/${b.ocid}"`);
    const years = [...html.matchAll(/href="\/api\/ocds\/bulk\/(\d{4})\.jsonl\.gz"/g)].map((m) => m[1]);
    expect(years).toEqual(["2026", "2025"]);
    expect(html).toContain("Tahun anggaran 2026");
    expect(await db.ocdsRelease.count()).toBe(2);
  });
});
