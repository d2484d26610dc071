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
export async function seriousViolations(page: Page): Promise<Violation[]> {
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
      if (frame === page.mainFrame()) this.schedule(page);
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
        const found = await seriousViolations(page);
        if (page.url() !== url) throw new Error("navigated during the check");
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
