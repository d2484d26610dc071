import { BUDGET_BYTES, measureAnonymousVisit } from "../../bench/lib/first-visit";
import { expect, test } from "./fixtures";

// Page weight (issue 14, item 5): someone's first visit to the tender list, in a fresh
// browser with nothing cached, transfers under 150 KB on the wire, every resource counted
// (bench/lib/first-visit.ts; bench/page-weight.ts prints the other pages). Bytes, not time.
test("a first visit to the tender list transfers under 150 KB", async ({ browser, baseURL }) => {
  const visit = await measureAnonymousVisit(browser, `${baseURL}/tender`);
  console.log(
    `/tender first visit: ${visit.bytes} bytes in ${visit.requests} requests ${JSON.stringify(visit.byType)}`,
  );
  expect(visit.status).toBe(200);
  expect(visit.bytes).toBeGreaterThan(10_000); // the page and its code were counted at all
  expect(visit.bytes).toBeLessThan(BUDGET_BYTES);
});
