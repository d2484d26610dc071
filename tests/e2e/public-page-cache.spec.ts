import { expect, test } from "./fixtures";
import { signIn, sql } from "./helpers";

// Public pages are the same for every visitor and kept 5 seconds (src/server/page-cache.ts,
// docs/decisions/0016-public-page-caching.md). What must hold: a signed-in vendor is served
// the shared page and still sees their own header (the browser asks /api/me), nobody sees
// another person's header, and a change made anywhere (here by the worker, another
// process) reaches the public within the window.
const WINDOW_MS = 5_000;

test("every visitor shares one rendering; a signed-in vendor still sees their own header, and nobody else does", async ({
  browser,
  request,
}) => {
  const first = await request.get("/tender");
  const second = await request.get("/tender");
  expect(second.headers()["x-segel-page-cache"]).toBe("hit");
  // the same page with the same nonce in its CSP and on its scripts, served from memory
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect(await second.text()).toBe(await first.text());

  const vendor = await (await browser.newContext()).newPage();
  await signIn(vendor, "penyedia1@segel.test");
  // the page the server sends a signed-in vendor has nothing of theirs in it, and is kept
  const signedIn = (await vendor.goto("/tender"))!;
  expect(await signedIn.text()).not.toContain("Rahmat Hidayat");
  await vendor.context().request.get("/tender");
  expect((await vendor.context().request.get("/tender")).headers()["x-segel-page-cache"]).toBe("hit");
  await expect(vendor.getByRole("banner").getByText("Rahmat Hidayat")).toBeVisible();
  await expect(vendor.getByRole("link", { name: "Profil perusahaan" })).toBeVisible();
  await expect(vendor.getByRole("banner").getByRole("link", { name: "Masuk", exact: true })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  // a browser that never signed in asks for no personal part: the crowd costs one kept page each
  const asked: string[] = [];
  visitor.on("request", (r) => void (r.url().includes("/api/me") && asked.push(r.url())));
  await visitor.goto("/tender");
  await expect(visitor.getByRole("banner").getByRole("link", { name: "Masuk" })).toBeVisible();
  await visitor.goto("/tender/2026000005"); // seeded, registration open
  await expect(visitor.getByRole("link", { name: "Masuk sebagai penyedia untuk ikut tender ini" })).toBeVisible();
  expect(asked).toEqual([]);
  expect(await visitor.content()).not.toContain("Rahmat Hidayat");
  await expect(visitor.getByRole("link", { name: "Profil perusahaan" })).toHaveCount(0);
});

test("a change written by another process reaches the public page within the window", async ({ page, request }) => {
  const ages: number[] = [];
  const shown = async () => {
    const answer = await request.get("/transparansi");
    ages.push(Number(answer.headers().age ?? 0));
    return Number(/data-testid="tree-head"[^>]*>\s*<th[^>]*>(\d+)</.exec(await answer.text())?.[1] ?? 0);
  };
  const before = await shown();
  expect((await request.get("/transparansi")).headers()["x-segel-page-cache"]).toBe("hit");

  // Signing in is an audit event; the worker sequences it and signs a larger tree head.
  await signIn(page, "auditor@segel.test");
  const head = async () =>
    Number((await sql<{ size: string }>(`SELECT max("treeSize")::text AS size FROM "AuditTreeHead"`))[0]?.size ?? 0);
  await expect.poll(head, { timeout: 20_000 }).toBeGreaterThan(before);
  const size = await head();
  // Nobody invalidated anything: the page is rendered again once its window is over. Every
  // answer on the way was younger than the window, so the wait is the window plus one
  // rendering, not a timeout of this test.
  await expect.poll(shown, { timeout: 20_000, intervals: [250] }).toBeGreaterThanOrEqual(size);
  expect(Math.max(...ages)).toBeLessThan(WINDOW_MS / 1000);
});
