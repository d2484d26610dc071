import { test as base, expect, type BrowserContext } from "@playwright/test";
import { AccessibilityWatch, describeViolations, type Violation } from "./accessibility";

export { expect };

// What Chromium writes to the console when the page's Content-Security-Policy refuses a
// script, style, image, connection or frame, or when a Permissions-Policy is malformed.
const POLICY_MESSAGE = /Refused to|Content[- ]Security[- ]Policy|Permissions-Policy/i;

let current: string[] = [];
const watched = new WeakSet<BrowserContext>();

function watch(context: BrowserContext) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on("console", (message) => {
    if (POLICY_MESSAGE.test(message.text())) current.push(`${message.location().url || "(page)"}: ${message.text()}`);
  });
}

/**
 * Every journey imports `test` from here: each browser context it opens (its own page or
 * one from browser.newContext()) is watched, and a test fails if the browser refused
 * anything under the portal's policies. A test that provokes a refusal on purpose reads
 * and empties `policyViolations`.
 *
 * The same contexts are held to WCAG 2.2 AA: axe-core checks every public or vendor page
 * the journey loads (tests/e2e/accessibility.ts lists them), and the test fails at its end
 * with each serious or critical violation (rule, page, elements).
 */
export const test = base.extend<{ policyViolations: string[]; accessibilityViolations: Violation[] }>({
  policyViolations: [
    async ({ browser }, use) => {
      current = [];
      const violations = current;
      browser.contexts().forEach(watch);
      browser.on("context", watch);
      await use(violations);
      browser.off("context", watch);
      expect(violations, "the browser refused something under the portal's CSP or Permissions-Policy").toEqual([]);
    },
    { auto: true },
  ],
  // takes `context` so that the journey's own page is still open when its last check runs
  accessibilityViolations: [
    async ({ browser, context }, use, testInfo) => {
      const axe = new AccessibilityWatch();
      axe.watchContext(context);
      browser.contexts().forEach(axe.watchContext);
      browser.on("context", axe.watchContext);
      await use(axe.violations);
      browser.off("context", axe.watchContext);
      testInfo.setTimeout(testInfo.timeout + 60_000);
      await axe.finish();
      expect(
        axe.violations,
        `serious or critical WCAG 2.2 AA violations (axe-core):\n${describeViolations(axe.violations)}\n`,
      ).toEqual([]);
    },
    { auto: true },
  ],
});
