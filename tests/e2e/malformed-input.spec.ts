import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Malformed addresses and bodies over real HTTP: the proxy, Next's routing and the pages
// answer them with 4xx and a message. Every field of every action and route is tried in
// tests/integration/malformed-input.int.test.ts; this checks the wiring a browser meets.
const NOT_A_UUID = "-".repeat(36); // passed the old loose id check, PostgreSQL refuses it

test("an id that is not a UUID, or a code PostgreSQL cannot store, is a 404 on a page and on a route", async ({
  page,
  request,
}) => {
  for (const path of [
    `/paket/${NOT_A_UUID}`,
    `/pokja/sanggah/${NOT_A_UUID}`,
    "/verifikasi/abc",
    "/tender/10012026001%00",
    "/tender/1%00/pemenang",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const download = await request.get(`/api/documents/${NOT_A_UUID}`);
  expect(download.status()).toBe(404);
  expect((await download.json()).message).toMatch(/tidak ditemukan/);
});

test("page numbers and keywords from the address never break a list", async ({ page }) => {
  for (const path of ["/tender?page=99999999999999999999&q=jalan%00", "/tender?page=-1", "/non-tender?page=NaN"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
  }
  await signIn(page, "auditor@segel.test");
  expect((await page.goto("/audit?page=99999999999999999999"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("an action body over the limit is answered 413 with a message, not 500", async ({ request }) => {
  const response = await request.post("/", {
    headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Cookie: "locale=en" },
    data: "x".repeat(1024 * 1024 + 1),
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({
    ok: false,
    code: "VALIDATION",
    message: expect.stringMatching(/^What you sent is too large/),
  });
});

test("a malformed file name on an upload is a message, not 500", async ({ page }) => {
  await signIn(page, "ppk.pu@segel.test");
  const response = await page.request.post(`/api/documents?paketId=${crypto.randomUUID()}&kind=KAK`, {
    headers: { "X-File-Name": "%E0%A4%A.pdf", "Content-Type": "application/pdf" },
    data: Buffer.from("%PDF-1.4 uji"),
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).message).toMatch(/Nama berkas tidak valid/);
});
