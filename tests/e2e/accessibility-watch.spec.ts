import { expect, test } from "@playwright/test";
import { AccessibilityWatch } from "./accessibility";

// The watch every journey runs under (fixtures.ts) is itself checked here: a journey that
// passes because the watch read nothing would prove nothing. The pages are served by the
// browser's router, so each holds exactly the fault under test.

const GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=";
const html = (body: string, script = "") =>
  `<!doctype html><html lang="id"><head><title>Uji</title></head><body><main><h1>Uji</h1>${body}</main>${script}</body></html>`;

test("reports a listed page's violation, not an unlisted page's", async ({ page, context }) => {
  const watch = new AccessibilityWatch();
  watch.watchContext(context);
  await page.route(/\/(daftar-hitam|pokja\/uji)$/, (route) =>
    route.fulfill({ contentType: "text/html", body: html(`<img src="${GIF}">`) }),
  );
  await page.goto("/pokja/uji"); // a Pokja page: not on the list
  await page.goto("/daftar-hitam");
  await watch.finish();
  expect(watch.violations.map((v) => [v.rule, v.page])).toEqual([["image-alt", "/daftar-hitam"]]);
});

test("reads a page again after it changed mid-check, and reports what stays", async ({ page, context }) => {
  const watch = new AccessibilityWatch();
  watch.watchContext(context);
  // the unnamed image stays while the page keeps changing, until half a second after axe
  // first came in to read it: what a check meets when a server action's answer replaces a form
  const settling = `<script>
    let seen = 0;
    const tick = setInterval(() => {
      document.body.dataset.tick = String(Date.now());
      if (window.axe && !seen) seen = Date.now();
      if (seen && Date.now() - seen > 500) { document.getElementById("gone").remove(); clearInterval(tick); }
    }, 20);
  </script>`;
  await page.route(/\/tender\/uji$/, (route) =>
    route.fulfill({ contentType: "text/html", body: html(`<img id="gone" src="${GIF}">`, settling) }),
  );
  // this one keeps its unnamed button: a fault that stays is still reported
  await page.route(/\/status$/, (route) =>
    route.fulfill({ contentType: "text/html", body: html(`<button></button>`) }),
  );
  await page.goto("/tender/uji");
  // gone only once the watch has read the page (window.axe is its reader)
  await expect(page.locator("#gone")).toHaveCount(0);
  await page.goto("/status");
  await watch.finish();
  expect(watch.violations.map((v) => [v.rule, v.page])).toEqual([["button-name", "/status"]]);
});
