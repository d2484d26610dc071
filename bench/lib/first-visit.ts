// What a first visit to a page transfers (issue 14, item 5: the tender list under 150 KB):
// a fresh browser context (cold cache), every request the page makes until the network is
// idle, counted by Chromium as DevTools does (CDP Network.loadingFinished.encodedDataLength:
// the bytes on the wire, compressed, headers included). Shared by bench/page-weight.ts and
// the journey that holds /tender to its budget (tests/e2e/page-weight.spec.ts).
import type { Browser, BrowserContext } from "@playwright/test";

/** The tender list's first visit must transfer less than this (issue 14; configuration, not law). */
export const BUDGET_BYTES = 150 * 1024;

export interface FirstVisit {
  url: string;
  status: number | null;
  requests: number;
  /** bytes on the wire, all resources */
  bytes: number;
  /** bytes on the wire per resource type (Document, Script, Stylesheet, Font, Fetch, ...) */
  byType: Record<string, number>;
}

/**
 * Loads `url` in `context` with the browser cache emptied first, so a context that signed
 * in (a vendor's page) still measures a cold visit.
 */
export async function measureFirstVisit(context: BrowserContext, url: string): Promise<FirstVisit> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  const types = new Map<string, string>();
  const byType: Record<string, number> = {};
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.requestWillBeSent", (e) => types.set(e.requestId, e.type ?? "Other"));
  cdp.on("Network.loadingFinished", (e) => {
    const type = types.get(e.requestId) ?? "Other";
    requests += 1;
    bytes += e.encodedDataLength;
    byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
  });
  try {
    const response = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    // then what the page fetches once loaded (prefetches, the header's look at /api/me); a page
    // that never goes quiet is measured as it stands after 15 s
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    return { url, status: response?.status() ?? null, requests, bytes, byType };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/** A first visit in a context of its own, as someone who has never been to the portal. */
export async function measureAnonymousVisit(browser: Browser, url: string): Promise<FirstVisit> {
  const context = await browser.newContext();
  try {
    return await measureFirstVisit(context, url);
  } finally {
    await context.close();
  }
}
