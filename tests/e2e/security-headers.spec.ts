import { expect, test } from "./fixtures";

// The headers a government site is expected to send (docs/decisions/0010-security-headers.md).
// Over https (NEXTAUTH_URL) HSTS and the Secure session cookie come on as well: unit-tested
// in src/proxy.test.ts and src/server/auth/options.test.ts, as this server speaks plain http.

test("a page runs its own scripts under a nonce CSP and refuses an injected one", async ({
  page,
  policyViolations,
}) => {
  const headers = (await page.goto("/tender"))!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Next put this request's nonce on every script of the page. A page rendered again gets
  // another; the same public page within its few seconds in the page cache is the same
  // bytes, nonce included (docs/decisions/0016-public-page-caching.md).
  const nonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  const rendered = (await page.goto(`/tender?q=csp${Date.now()}`))!.headers()["content-security-policy"];
  expect(rendered).not.toContain(`'nonce-${nonce}'`);

  // A script an attacker got into the page's HTML (stored or reflected XSS) carries no
  // nonce: the browser refuses it, and the journeys' guard notices.
  await page.route("**/tender", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/tender");
  // Chromium words it "Executing inline script violates …" (older: "Refused to execute …")
  await expect.poll(() => policyViolations.join("\n")).toMatch(/(Executing|Refused to execute) inline script/);
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
  policyViolations.length = 0;
});

test("API answers and static files carry their own fixed headers", async ({ request }) => {
  const api = (await request.get("/api/instance-key")).headers();
  expect(api["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  expect(api["x-content-type-options"]).toBe("nosniff");
  const robots = await request.get("/robots.txt");
  expect(robots.ok()).toBe(true);
  expect(robots.headers()["x-content-type-options"]).toBe("nosniff");
});
