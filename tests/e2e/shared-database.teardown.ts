import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// Runs once after every journey (the "shared-database" teardown project in
// playwright.config.ts). The journeys share one database; one that edits rows directly
// (to play an intruder, or to set a stage up) must put them back. The portal's own audit
// log check (src/modules/audit/server/verify-audit-log.ts) names any event left changed.

test("the journeys leave the shared database's audit log whole", async ({ page }) => {
  await signIn(page, "auditor@segel.test");
  await page.goto("/audit");
  await page.getByRole("button", { name: /Periksa log audit/ }).click();
  const result = page.getByTestId("chain-result");
  await expect(result).not.toBeEmpty({ timeout: 60_000 });
  expect(
    await result.innerText(),
    "an audit event was left changed: which journey edited it without putting it back?",
  ).toContain("utuh");
});
