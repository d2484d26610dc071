import { expect, test } from "./fixtures";

// The public status page is light enough for a slow connection (docs/decisions/0040): it
// is measured here, a first visit in a fresh browser, and the figures are printed.
test("anyone can read the status page without signing in; it is small and its JSON and health answer", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: { url: string; type: string }[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  const response = await page.goto("/status", { waitUntil: "networkidle" });
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Status layanan", level: 1 })).toBeVisible();
  await expect(page.getByTestId("status-state")).toBeVisible();
  // the zone is named
  await expect(page.getByText(/Asia\/(Jakarta|Makassar|Jayapura) \((WIB|WITA|WIT)\)/).first()).toBeVisible();
  const html = (await response!.body()).length;
  const sizes = await response!.request().sizes();
  const scripts = requests.filter((r) => r.type === "script").length;
  console.log(
    `status page: HTML ${html} bytes (${sizes.responseBodySize} on the wire), ${requests.length} requests on a first visit (${scripts} scripts): ${requests.map((r) => r.type).join(", ")}`,
  );
  await context.close();

  const json = await request.get("/api/status");
  expect(json.headers()["cache-control"]).toBe("public, max-age=15");
  const body = await json.json();
  expect(body).toMatchObject({ version: 1, state: expect.any(String), availability: expect.any(Array) });
  // at most 12 months, none before the instance was set up (the e2e instance is new: this month)
  expect(body.availability.length).toBeGreaterThanOrEqual(1);
  expect(body.availability.length).toBeLessThanOrEqual(12);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()["cache-control"]).toBe("no-store");
  expect((await health.json()).checks.database.ok).toBe(true);

  // linked from the footer
  const home = await browser.newPage();
  await home.goto("/");
  await expect(home.getByTestId("footer-status-link")).toHaveAttribute("href", "/status");
  await home.close();
});
