import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";

/**
 * The pages held to WCAG 2.2 AA in every journey (issue 14, item 5): what anyone may read
 * without signing in, and a vendor's own way in (registration, invitation, sign-in) and
 * bid pages. One list, so a new public page is added here once.
 */
export const CHECKED_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/tender(\/.*)?$/,
  /^\/non-tender(\/.*)?$/,
  /^\/status$/,
  /^\/transparansi$/,
  /^\/verifikasi-tanda-terima$/,
  /^\/data-terbuka(\/.*)?$/,
  /^\/tanda-bahaya(\/.*)?$/,
  /^\/daftar-hitam$/,
  /^\/cari(\/.*)?$/,
  /^\/daftar$/,
  /^\/masuk(\/.*)?$/,
  /^\/lupa-kata-sandi$/,
  /^\/atur-ulang-kata-sandi\/.+$/,
  /^\/konfirmasi-email\/.+$/,
  /^\/undangan\/.+$/,
  /^\/penyedia(\/.*)?$/,
];

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, as axe-core tags them. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BLOCKING = new Set(["serious", "critical"]);
// after a navigation, time for a client-side render to settle before reading the page
const SETTLE_MS = 300;

export function isCheckedPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!parsed.protocol.startsWith("http")) return false;
  const pathname = parsed.pathname.replace(/\/+$/, "") || "/";
  return CHECKED_PAGES.some((pattern) => pattern.test(pathname));
}

export interface Violation {
  rule: string;
  impact: string;
  page: string;
  targets: string[];
  help: string;
}

/** The serious and critical violations axe finds on the page as it is now. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  const where = new URL(page.url());
  // legacy mode: runs in the page itself, without the blank page axe would open in the
  // journey's context for frames (the portal's pages have no cross-origin frames)
  const results = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      page: where.pathname + where.search,
      targets: v.nodes.map((node) => node.target.join(" ")),
      help: v.help,
    }));
}

// how long a page that keeps changing is read again before what was found stands
const SETTLE_LIMIT_MS = 5_000;

/**
 * The serious violations of the page once its document held still while axe read it: a
 * page re-rendered mid-check (a server action's answer replacing a form) can show axe an
 * element half gone, so a check that found something while the page changed is read again.
 */
async function settledViolations(page: Page): Promise<Violation[]> {
  const started = Date.now();
  for (;;) {
    await page.evaluate(() => {
      const watch = window as unknown as { segelAxeChanges?: number; segelAxeObserver?: MutationObserver };
      watch.segelAxeObserver?.disconnect();
      watch.segelAxeChanges = 0;
      watch.segelAxeObserver = new MutationObserver((records) => (watch.segelAxeChanges! += records.length));
      watch.segelAxeObserver.observe(document, { subtree: true, childList: true, attributes: true });
    });
    const found = await seriousViolations(page);
    const changed = await page.evaluate(() => {
      const watch = window as unknown as { segelAxeChanges?: number; segelAxeObserver?: MutationObserver };
      watch.segelAxeObserver?.disconnect();
      return watch.segelAxeChanges ?? 0;
    });
    if (found.length === 0 || changed === 0 || Date.now() - started > SETTLE_LIMIT_MS) return found;
    await page.waitForTimeout(SETTLE_MS);
  }
}

export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `- ${v.rule} (${v.impact}) on ${v.page}: ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`)
    .join("\n");
}

/**
 * Watches every page of the journey's browser contexts and checks each distinct address of
 * a listed page once per test, when it has loaded (a full load or a client-side navigation).
 * A check the journey outruns (it navigates away mid-check) is tried again on the next visit.
 */
export class AccessibilityWatch {
  readonly violations: Violation[] = [];
  private readonly checked = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Map<Page, ReturnType<typeof setTimeout>>();
  // how many documents each page has committed: a reload keeps the address, not the count
  private readonly documents = new WeakMap<Page, number>();
  private readonly contexts = new WeakSet<BrowserContext>();
  private closed = false;

  watchContext = (context: BrowserContext) => {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    context.pages().forEach(this.watchPage);
    context.on("page", this.watchPage);
  };

  private watchPage = (page: Page) => {
    page.on("load", () => this.schedule(page));
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      this.documents.set(page, (this.documents.get(page) ?? 0) + 1);
      this.schedule(page);
    });
    page.on("close", () => clearTimeout(this.timers.get(page)));
  };

  private schedule(page: Page) {
    if (this.closed) return;
    clearTimeout(this.timers.get(page));
    this.timers.set(
      page,
      setTimeout(() => this.run(page), SETTLE_MS),
    );
  }

  private run(page: Page) {
    this.timers.delete(page);
    const url = page.url();
    if (this.closed || page.isClosed() || !isCheckedPage(url)) return;
    const key = new URL(url).pathname + new URL(url).search;
    if (this.checked.has(key)) return;
    this.checked.add(key);
    const check = (async () => {
      try {
        await page.waitForLoadState("load");
        const document = this.documents.get(page);
        // a document still streaming in (a reload that committed after the wait) is read on its own load
        if ((await page.evaluate(() => window.document.readyState)) !== "complete") throw new Error("still loading");
        const found = await settledViolations(page);
        if (page.url() !== url || this.documents.get(page) !== document) throw new Error("navigated during the check");
        this.violations.push(...found);
      } catch {
        this.checked.delete(key); // outrun by the journey: check it on its next visit
      }
    })();
    this.pending.add(check);
    void check.finally(() => this.pending.delete(check));
  }

  /** Checks the pages still open whose check was still waiting, then waits for every check. */
  async finish() {
    for (const page of [...this.timers.keys()]) {
      clearTimeout(this.timers.get(page));
      this.run(page);
    }
    while (this.pending.size) await Promise.allSettled([...this.pending]);
    this.closed = true;
  }
}
