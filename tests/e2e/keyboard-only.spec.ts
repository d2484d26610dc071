import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";
import { createPaket, handOver, opensNow, setUpAndPublish } from "./tender-setup";

// WCAG 2.2 AA by keyboard alone (issue 14, item 5): a company registers and a vendor sends a
// sealed bid with Tab, Shift+Tab, Enter, Space and the arrow keys only (the file chooser is
// opened from the keyboard too). At each step focus is visible and lands where it should,
// and a refusal is announced (role=alert) and tied to its field (aria-invalid, aria-describedby).
// The tender is set up with the shared journey steps, as the PPK and the Pokja do it.

const run = Date.now().toString().slice(-6);
const VENDOR = "penyedia1@segel.test";

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`keyboard focus never reached ${target}`);
}

/** Focus is on `target`, as the keyboard's (:focus-visible), and drawn: an outline or a ring. */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const drawn = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return el.matches(":focus-visible") && (outline || style.boxShadow !== "none");
  });
  expect(drawn, "the focused element shows where focus is").toBe(true);
}

/** Types into the focused field, replacing what it held. */
async function typeHere(page: Page, text: string) {
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/** `field` is marked invalid and described by a visible element saying `message`. */
async function expectDescribedError(page: Page, field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(texts.join(" ")).toMatch(message);
}

test("a company registers with the keyboard alone, and a refused NPWP is announced and tied to its field", async ({
  page,
}) => {
  await page.goto("/daftar");
  // the first Tab reaches the skip link, which takes focus to the content
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Langsung ke konten" });
  await expectVisibleFocus(skip);
  await page.keyboard.press("Enter");
  await expect(page.locator("#konten")).toBeFocused();

  const user = `keyboard.${run}@penyedia.segel.test`;
  const steps: [string, string][] = [
    ["Nama perusahaan", `PT Papeda Keyboard ${run}`],
    ["NPWP", "123"], // too short: refused by the server
    ["NIB", `9${run}`.padEnd(13, "3")],
    ["KBLI", "42101"],
    ["Alamat", "Jl. Kemiri No. 7, Sentani"],
    ["Kota/Kabupaten", "Kabupaten Jayapura"],
    ["Provinsi", "Papua"],
    ["Email perusahaan", `kantor.${user}`],
    ["Telepon", "0967-592000"],
    ["Nama pengguna", `Direktur Keyboard ${run}`],
    ["Email pengguna", user],
    ["Kata sandi", `Gunung Cycloop ${run} sagu lempeng!`], // not made of the names above: the strength check refuses those
  ];
  const name = page.getByLabel("Nama perusahaan");
  await tabTo(page, name);
  await expectVisibleFocus(name);
  await page.keyboard.type(steps[0]![1]);
  // the company form is chosen with the arrow keys on the list
  await page.keyboard.press("Tab");
  const form = page.getByLabel("Bentuk usaha");
  await expectVisibleFocus(form);
  for (let i = 0; i < 10 && (await form.inputValue()) !== "PT"; i++) await page.keyboard.press("ArrowDown");
  await expect(form).toHaveValue("PT");
  for (const [label, value] of steps.slice(1)) {
    const field = page.getByLabel(label, { exact: true });
    await tabTo(page, field);
    await expectVisibleFocus(field);
    await page.keyboard.type(value);
  }
  const submit = page.getByRole("button", { name: "Daftar" });
  await tabTo(page, submit);
  await expectVisibleFocus(submit);
  await page.keyboard.press("Enter");

  // refused: said once for the form (role alert), and focus goes to the field, which the error describes
  // (Next's route announcer is a role alert of its own: the form's is the one with the summary)
  await expect(page.getByRole("alert").filter({ hasText: "Periksa kembali isian" })).toBeVisible();
  const npwp = page.getByLabel("NPWP", { exact: true });
  await expect(npwp).toBeFocused();
  await expectDescribedError(page, npwp, /NPWP/);
  await expect(page).toHaveURL(/\/daftar(#konten)?$/);

  await typeHere(page, `7${run}`.padEnd(15, "4"));
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/penyedia\/profil/, { timeout: 30_000 });
});

test("a vendor joins a tender and sends a sealed bid with the keyboard alone", async ({ page, browser }) => {
  test.setTimeout(240_000);
  // set-up with the shared steps: a tender open for bids now
  await signIn(page, "ppk.jayapura@segel.test");
  await createPaket(page, {
    name: `Talud Kali Kemiri ${run}`,
    category: "PEKERJAAN_KONSTRUKSI",
    pagu: "870.000.000",
    unitPrice: "850.000.000",
    method: /Tender/,
  });
  const code = (await handOver(page, "Pokja Pemilihan"))!;
  await signOut(page);
  await signIn(page, "pokja1.jayapura@segel.test");
  await setUpAndPublish(page, code);
  await opensNow(code, "UPLOAD_PENAWARAN");

  const context = await browser.newContext();
  const vendor = await context.newPage();
  vendor.on("dialog", (dialog) => void dialog.accept().catch(() => {}));

  // signing in: Tab to each field, Enter sends the form
  await vendor.goto("/masuk");
  const email = vendor.getByLabel("Email");
  await tabTo(vendor, email);
  await expectVisibleFocus(email);
  await vendor.keyboard.type(VENDOR);
  await tabTo(vendor, vendor.getByLabel("Kata sandi"));
  await vendor.keyboard.type("Segel#2026");
  await vendor.keyboard.press("Enter");
  await expect(vendor).toHaveURL(/\/dasbor$/);

  // joining from the announcement
  await vendor.goto(`/tender/${code}`);
  const join = vendor.getByRole("button", { name: "Ikut tender ini" });
  await expect(join).toBeVisible();
  await tabTo(vendor, join);
  await expectVisibleFocus(join);
  await vendor.keyboard.press("Enter");
  await expect(vendor.getByTestId("participant-registered")).toBeVisible();
  const mine = vendor.getByRole("link", { name: "Penawaran saya" });
  await tabTo(vendor, mine);
  await expectVisibleFocus(mine);
  await vendor.keyboard.press("Enter");
  await expect(vendor).toHaveURL(/\/penyedia\/penawaran\//);

  // "Unggah" with no file chosen is refused, announced and tied to the file field
  const administrasi = vendor.getByLabel("Berkas Administrasi");
  const uploadOf = (part: string) => vendor.getByTestId(`upload-${part}`).getByRole("button", { name: "Unggah" });
  await tabTo(vendor, uploadOf("ADMINISTRASI"));
  await expectVisibleFocus(uploadOf("ADMINISTRASI"));
  await vendor.keyboard.press("Enter");
  await expect(vendor.getByTestId("upload-ADMINISTRASI").getByRole("alert")).toHaveText(
    "Pilih berkas terlebih dahulu.",
  );
  await expectDescribedError(vendor, administrasi, "Pilih berkas terlebih dahulu.");

  for (const [part, label] of [
    ["ADMINISTRASI", "Administrasi"],
    ["HARGA", "Harga"],
  ] as const) {
    const input = vendor.getByLabel(`Berkas ${label}`);
    await tabTo(vendor, input, { back: part === "ADMINISTRASI" });
    await expect(input).toBeFocused();
    // the file chooser opens from the keyboard (Space on the field)
    const [chooser] = await Promise.all([vendor.waitForEvent("filechooser"), vendor.keyboard.press("Space")]);
    const name = `${label.toLowerCase()}-keyboard-${code}.pdf`;
    await chooser.setFiles({
      name,
      mimeType: "application/pdf",
      buffer: Buffer.from(`%PDF-1.4\n% ${label} keyboard\n%%EOF\n`),
    });
    await vendor.keyboard.press("Tab");
    await expectVisibleFocus(uploadOf(part));
    await vendor.keyboard.press("Enter");
    await expect(vendor.getByText(`${name} terunggah dan tersegel.`)).toBeVisible();
    // and listed among the files ready to send (the page refreshes its list)
    await expect(vendor.getByText(`${label}: ${name}`)).toBeVisible();
  }

  // sending with no price: announced, and focus goes to the price, which the message describes
  const send = vendor.getByRole("button", { name: "Kirim penawaran" });
  const price = vendor.getByLabel("Harga penawaran (Rp)");
  await tabTo(vendor, send);
  await expectVisibleFocus(send);
  await vendor.keyboard.press("Enter");
  await expect(vendor.getByRole("alert").filter({ hasText: "Tulis jumlah dalam rupiah" })).toBeVisible();
  await expect(price).toBeFocused();
  await expectDescribedError(vendor, price, "Tulis jumlah dalam rupiah");

  await vendor.keyboard.type("845.000.000");
  // the pakta integritas, by the keyboard too (issue 15)
  const pact = vendor.getByLabel(/menyetujui pakta integritas/);
  await tabTo(vendor, pact);
  await vendor.keyboard.press("Space");
  await expect(pact).toBeChecked();
  await tabTo(vendor, send);
  await vendor.keyboard.press("Enter");
  await expect(vendor.getByRole("heading", { name: "Tanda terima penawaran" })).toBeVisible({ timeout: 30_000 });
  await context.close();
});
