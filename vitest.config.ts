import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// "server-only" throws outside React Server Components; under Vitest it is a no-op.
const serverOnly = fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url));

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { "server-only": serverOnly } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "prisma/**/*.test.ts", "tests/unit/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts", "prisma/**/*.int.test.ts", "tests/integration/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-worker.ts"],
          pool: "forks",
          // 2 cores: two workers, each with its own database cloned from the template.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // several processes behind haproxy (tests/cluster/topology.ts): one file at a time
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 300_000,
          // start:cluster migrates, seeds and builds when the build is stale
          hookTimeout: 1_500_000,
        },
      },
      {
        extends: true,
        test: {
          // fault tests of the backups (tests/backup/setup/global.ts): one archiving cluster
          // that the tests kill, restore and fill up, so one file at a time
          name: "backup",
          include: ["tests/backup/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/backup/setup/global.ts"],
          setupFiles: ["tests/backup/setup/worker.ts"],
          pool: "forks",
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
