// Prisma 7 configuration (see node_modules/@prisma/config for the schema).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native `schema-engine` binary, which is
// impossible on air-gapped machines and flaky in CI. We ship a Node shim
// (prisma/engine/schema-engine.mjs, backed by @prisma/schema-engine-wasm).
// Setting the env var here is early enough: the CLI evaluates this file before
// its "ensure engine binaries exist" step and long before it spawns the engine,
// and that step skips downloading when PRISMA_SCHEMA_ENGINE_BINARY is set.
// An explicitly exported PRISMA_SCHEMA_ENGINE_BINARY (e.g. a real binary) wins.
const rootDir = path.dirname(fileURLToPath(import.meta.url));
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(rootDir, "prisma", "engine", "schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL,
  },
});
