import { expect, test } from "./fixtures";
import { reloadUntil } from "./helpers";

test("anyone can read the audit log's signed tree heads and fetch proofs as JSON", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Transparansi log audit/ }).click();
  await expect(page.getByRole("heading", { name: "Transparansi log audit", level: 1 })).toBeVisible();

  // the worker sequences the seeded events and signs a head within a tick or two
  await expect
    .poll(async () => (await (await request.get("/api/audit-log/heads")).json()).latest?.treeSize ?? "0")
    .not.toBe("0");
  const { latest } = await (await request.get("/api/audit-log/heads")).json();
  await reloadUntil(page, () => expect(page.getByText(latest.rootHash).first()).toBeVisible({ timeout: 1000 }));
  await expect(page.getByTestId("tree-head").first()).toBeVisible();

  const proof = await request.get(`/api/audit-log/inclusion/1`);
  expect(proof.status()).toBe(200);
  expect(await proof.json()).toMatchObject({ seq: "1", logIndex: expect.any(String), proof: expect.any(Array) });
  const consistency = await request.get(`/api/audit-log/consistency?first=1&second=${latest.treeSize}`);
  expect(consistency.status()).toBe(200);

  // malformed numbers get a message, never a 500
  const bad = await request.get("/api/audit-log/consistency?first=abc&second=99999999999999999999");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).message).toContain("Ukuran pohon tidak sah");
  expect((await request.get("/api/audit-log/inclusion/abc")).status()).toBe(404);
  expect((await request.get("/api/audit-log/inclusion/99999999999999999999")).status()).toBe(404);
});
