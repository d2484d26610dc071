import { defineConfig, devices } from "@playwright/test";
import { E2E_EMPTY_PORT, E2E_PORT } from "./tests/e2e/env";

// tests/run.mjs finds or installs a Chromium and passes its path here.
const executablePath = process.env.SEGEL_CHROMIUM || undefined;
// Without the networking flags Chromium keeps calling home on a closed network.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // One worker: the journeys share one seeded database and a 2-core machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: ["time-travel/**", "empty-instance/**"],
      // after this project and the time-travel one (which depends on it)
      teardown: "shared-database",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: CHROMIUM_ARGS,
        },
      },
    },
    {
      // journeys that move the database clock forward run last, after every other one
      name: "time-travel",
      testMatch: "time-travel/**/*.spec.ts",
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
    {
      // checks that the journeys left the shared database whole (tests/e2e/shared-database.teardown.ts)
      name: "shared-database",
      testMatch: "shared-database.teardown.ts",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
    {
      // a new LPSE from nothing: its own server with the demo off (tests/e2e/serve-empty.ts)
      name: "empty-instance",
      testMatch: "empty-instance/**/*.spec.ts",
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://localhost:${E2E_EMPTY_PORT}`,
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: [
    {
      command: "node node_modules/tsx/dist/cli.mjs tests/e2e/serve.ts",
      url: `http://localhost:${E2E_PORT}/`,
      // migrations, the demo seed (its tenders walked through the use cases: about a minute on a
      // busy 2-core machine, docs/decisions/0037) and next build (over 5 minutes there, measured)
      timeout: 900_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // starts once the demo server answers, on the build that server made (serve-empty.ts)
      command: "node node_modules/tsx/dist/cli.mjs tests/e2e/serve-empty.ts",
      url: `http://localhost:${E2E_EMPTY_PORT}/`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
