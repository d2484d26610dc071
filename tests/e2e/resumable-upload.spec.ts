import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Request, Route } from "@playwright/test";
import { expect, test } from "./fixtures";
import { joinTender, signIn } from "./helpers";

// Resumable bid uploads (tus, docs/decisions/0019) as a vendor on a weak line meets them:
// a file over the limit is refused before a byte leaves the browser, and an upload cut off
// by a page reload goes on from the server's offset when the same file is chosen again.
const BID_TENDER = "2026000009"; // seeded in upload penawaran
const VENDOR = "penyedia3@segel.test";
const MiB = 1_048_576;

const isUpload = (request: Request) => new URL(request.url()).pathname.startsWith("/api/bids/uploads");

test("a file over the limit is refused before sending, and an upload resumes after the page is reloaded mid-way", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, VENDOR);
  await joinTender(page, BID_TENDER);
  await page.getByRole("link", { name: "Penawaran saya" }).click();
  const sent: Request[] = [];
  page.on("request", (request) => void (isUpload(request) && sent.push(request)));

  const teknis = page.locator("form").filter({ has: page.getByLabel("Berkas Teknis") });
  await teknis
    .getByLabel("Berkas Teknis")
    .setInputFiles({ name: "terlalu-besar.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(21 * MiB, 0x20) });
  await teknis.getByRole("button", { name: "Unggah" }).click();
  await expect(teknis.getByRole("alert")).toContainText("melebihi batas 20 MB per berkas. Tidak ada yang dikirim");
  expect(sent).toHaveLength(0);

  // A file on disk, so that choosing it again after the reload is the same file (name, size, date).
  mkdirSync(test.info().outputDir, { recursive: true });
  const file = path.join(test.info().outputDir, "metode-pelaksanaan.pdf");
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from("%PDF-1.4\n% metode pelaksanaan\n"),
      Buffer.alloc(3 * MiB, 0x20),
      Buffer.from("\n%%EOF\n"),
    ]),
  );

  // The line "drops" after the first chunk: every later chunk is held, never answered, until
  // the reload. Holding stops only once the old page is gone (removing the route earlier
  // would let the old page's client send on before the reload).
  const held: Route[] = [];
  let holding = true;
  await page.route("**/api/bids/uploads/*", async (route) => {
    const offset = Number(route.request().headers()["upload-offset"] ?? 0);
    if (holding && route.request().method() === "PATCH" && offset > 0) held.push(route);
    else await route.continue();
  });
  const firstChunk = page.waitForResponse(
    (r) => isUpload(r.request()) && r.request().method() === "PATCH" && r.status() === 204,
  );
  await teknis.getByLabel("Berkas Teknis").setInputFiles(file);
  await teknis.getByRole("button", { name: "Unggah" }).click();
  expect((await firstChunk).headers()["upload-offset"]).toBe(String(MiB));
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(teknis.getByRole("status")).toContainText("Mengunggah");

  await page.reload();
  holding = false;
  await expect(teknis.getByTestId("upload-pending")).toContainText("metode-pelaksanaan.pdf");
  sent.length = 0;
  await teknis.getByLabel("Berkas Teknis").setInputFiles(file);
  await teknis.getByRole("button", { name: "Unggah" }).click();
  await expect(page.getByText("metode-pelaksanaan.pdf terunggah dan tersegel.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Teknis: metode-pelaksanaan.pdf")).toBeVisible();

  // It went on from the server's offset: no new upload was created, HEAD asked where it stood,
  // and the first chunk after the reload started at the 1 MiB the server already held.
  const methods = sent.map((r) => r.method());
  expect(methods).not.toContain("POST");
  expect(methods[0]).toBe("HEAD");
  const patches = sent.filter((r) => r.method() === "PATCH");
  expect(patches[0]!.headers()["upload-offset"]).toBe(String(MiB));
  expect(patches.length).toBe(3);
  await expect(teknis.getByTestId("upload-pending")).toHaveCount(0);
});
