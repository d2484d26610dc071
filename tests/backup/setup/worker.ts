import { inject } from "vitest";

// Each test file runs in a fork of its own (one at a time): it reads the world the global
// setup built (tests/backup/setup/global.ts) from its environment, as the worker would.
Object.assign(process.env, inject("backupEnv"));
