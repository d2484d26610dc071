import { expect, type Page } from "@playwright/test";

// The vendor's steps with saved searches (/penyedia/pencarian-tersimpan), as a person takes them.

export interface SavedSearchSpec {
  name: string;
  region?: string;
  /** the categories' names as the form shows them, e.g. "Pekerjaan Konstruksi" */
  categories?: string[];
  minValue?: string;
  maxValue?: string;
  keyword?: string;
  frequency: "Segera" | "Ringkasan harian";
}

/** Saves a search from the vendor's page and waits until the page lists it. */
export async function saveSearch(page: Page, spec: SavedSearchSpec) {
  await page.goto("/penyedia/pencarian-tersimpan");
  await expect(page.getByRole("heading", { name: "Pencarian tersimpan", level: 1 })).toBeVisible();
  await page.getByLabel("Nama pencarian").fill(spec.name);
  if (spec.region) await page.getByLabel("Wilayah").fill(spec.region);
  for (const category of spec.categories ?? []) await page.getByLabel(category, { exact: true }).check();
  if (spec.minValue) await page.getByLabel("HPS paling kecil (Rp)").fill(spec.minValue);
  if (spec.maxValue) await page.getByLabel("HPS paling besar (Rp)").fill(spec.maxValue);
  if (spec.keyword) await page.getByLabel("Kata kunci").fill(spec.keyword);
  await page.getByLabel(spec.frequency, { exact: true }).check();
  await page.getByRole("button", { name: "Simpan pencarian" }).click();
  await expect(page.getByText("Pencarian disimpan.")).toBeVisible();
  await expect(page.getByRole("heading", { name: spec.name, level: 2 })).toBeVisible();
}

/**
 * A mail subject as the reader sees it: the SMTP server keeps the header as sent, where a
 * subject with quotes is MIME encoded-words (RFC 2047, "=?UTF-8?Q?...?=" or "?B?").
 */
export function decodeSubject(subject: string): string {
  return subject
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`),
            "utf8",
          )
            .toString()
            .replace(/(%[0-9A-F]{2})+/gi, (run) => decodeURIComponent(run)),
    );
}
