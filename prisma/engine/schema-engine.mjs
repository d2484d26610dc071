#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` binary, for machines
// that cannot download it (air-gapped data centres, locked-down CI). The Prisma
// CLI runs this file when PRISMA_SCHEMA_ENGINE_BINARY points at it (set by
// prisma.config.ts). It speaks the binary's stdio JSON-RPC protocol and
// delegates the real work to @prisma/schema-engine-wasm, which talks to
// PostgreSQL through @prisma/adapter-pg. See README.md next to this file.
//
// Invocations used by the CLI:
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database
//   schema-engine [--datamodels <file>]... [--datasource <json {url, shadowDatabaseUrl}>]
//                 [--enabled-preview-features a,b] [--extension-types <json>]   (JSON-RPC)
import { readFileSync } from "node:fs";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { runCliCommand, toPrismaError } from "./cli-commands.mjs";
import { PgMigrationAdapterFactory } from "./pg-factory.mjs";
import { log, StdioRpc } from "./rpc.mjs";
import { loadSchemaEngineWasm, panicRegistry } from "./wasm-engine.mjs";

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--datamodels") args.datamodels.push(argv[++i]);
    else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (a === "--enabled-preview-features" || a === "--extension-types")
      i++; // unused by the Wasm engine
    else if (a === "--version" || a === "-V") args.version = true;
    else if (a === "cli") args.cli = argv[++i];
  }
  return args;
}

// The Wasm engine already emits native-style JSON log lines: pass them through
// (the CLI keeps their messages for its error reports).
function forwardEngineLog(line) {
  const text = String(line).trim();
  if (text.startsWith("{")) process.stderr.write(`${text}\n`);
  else if (text) log("INFO", text);
}

// The CLI's method names map 1:1 onto the Wasm engine's, except these.
const RENAMED = { getDatabaseVersion: "version" };
const KNOWN_MESSAGES = [
  [/^Authentication failed against database server/, "P1000"],
  [/^Can't reach database server/, "P1001"],
  [/timed out/i, "P1002"],
  [/^Database `.*` does not exist/, "P1003"],
];
const SHADOW_FACTORY_ERROR = "shadow DB must be provided through an external factory";

async function main() {
  const args = parseArgs(process.argv.slice(2));

  if (args.version) {
    process.stdout.write(`schema-engine-cli ${(await loadSchemaEngineWasm()).version()}\n`);
    return;
  }
  if (args.cli) {
    process.exitCode = await runCliCommand(args.cli, args.datasource);
    return;
  }

  const datasource = args.datasource ?? {};
  const factory = new PgMigrationAdapterFactory(datasource);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodels = args.datamodels.length
    ? args.datamodels.map((file) => [file, readFileSync(file, "utf8")])
    : undefined; // the Wasm engine wants undefined, never an empty list

  // Created lazily and re-attempted per request: if the database is down, each
  // request must get a JSON-RPC error. Exiting instead makes the CLI exit 0
  // without a word.
  const { SchemaEngine } = await loadSchemaEngineWasm();
  let engine;
  const getEngine = async () => (engine ??= await SchemaEngine.new({ datamodels }, forwardEngineLog, adapterFactory));

  // Wasm errors carry the adapter error only as an id into the registry.
  const explain = (err) => {
    if (process.env.SCHEMA_ENGINE_SHIM_DEBUG) {
      log(
        "DEBUG",
        `raw error: ${JSON.stringify({ name: err?.name, code: err?.code, message: err?.message, cause: err?.cause })}`,
      );
    }
    const id = typeof err === "number" ? err : err?.id;
    const record = typeof id === "number" ? adapterFactory.errorRegistry.consumeError(id) : undefined;
    let e = record?.error ?? err;
    if (e?.name === "DriverAdapterError" && e.cause) {
      const original = e.cause.originalCode ?? e.cause.kind;
      e = Object.assign(new Error(e.cause.originalMessage ?? e.message), { code: original });
    }
    if (e?.name === "RuntimeError") {
      // wasm trap = Rust panic; the message was left in the panic registry.
      e = Object.assign(new Error(panicRegistry.message ?? e.message), { isPanic: true, stack: e.stack });
    } else if (datasource.url && /^[0-9A-Z]{5}$|^E[A-Z]+$/.test(e?.code ?? "")) e = toPrismaError(e, datasource.url);
    // Connection errors come out of the Wasm engine with the native message but
    // without its code; restore it so the CLI shows e.g. "P1001: ...".
    if (e instanceof Error && !e.code) e.code = KNOWN_MESSAGES.find(([re]) => re.test(e.message))?.[1];
    return e;
  };

  const call = async (method, params) => {
    const e = await getEngine();
    const name = RENAMED[method] ?? method;
    if (typeof e[name] !== "function" || name === "free") {
      throw new Error(`Method not found: ${method}`);
    }
    return e[name](params); // keep the call on `e`: wasm-bindgen needs `this`
  };

  const handler = async (method, params) => {
    try {
      return await handle(method, params);
    } finally {
      await factory.releaseShadowDbs();
    }
  };

  const handle = async (method, params) => {
    try {
      if (method === "createDatabase") {
        if ((await runCliCommand("create-database", datasource)) !== 0) throw new Error("createDatabase failed");
        return { databaseName: decodeURIComponent(new URL(datasource.url).pathname.slice(1)) };
      }
      if (method === "diff") {
        // The native engine prints the diff itself through a `print` request to
        // the CLI (which then honours --output); the Wasm engine returns it.
        const { stdout, exitCode } = await call("diff", params);
        if (stdout) await rpc.request("print", { content: stdout.replace(/\n$/, "") });
        return { exitCode };
      }
      try {
        return await call(method, params);
      } catch (err) {
        // The Wasm engine wires up its shadow-database factory only during a
        // history diagnosis; `migrate dev` with a pending migration reaches
        // evaluateDataLoss before any. Diagnose, then retry once.
        if (!String(err?.message).includes(SHADOW_FACTORY_ERROR) || !params?.migrationsList) throw err;
        log("INFO", `${method}: shadow database not initialised yet, diagnosing history and retrying`);
        await call("diagnoseMigrationHistory", {
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters ?? params.filter ?? { externalTables: [], externalEnums: [] },
        });
        return await call(method, params);
      }
    } catch (err) {
      const e = explain(err);
      log("ERROR", String(e?.message ?? e), { error_code: e?.code ?? null });
      throw e;
    }
  };

  // A Rust panic inside an async continuation surfaces as an uncaught wasm
  // trap. Report it the native way (ERROR log + exit 101 = panic for the CLI)
  // after releasing connections, so no shadow database is left behind.
  process.on("uncaughtException", async (err) => {
    const message = err?.name === "RuntimeError" ? (panicRegistry.message ?? err.message) : String(err?.stack ?? err);
    log("ERROR", message, { is_panic: err?.name === "RuntimeError" });
    await factory.close();
    process.exit(101);
  });

  // stdin closed: the CLI called stop(). Release everything so no pool keeps
  // a database busy (it could then not be dropped), then exit. The CLI also
  // sends SIGTERM right away; finish the cleanup before leaving.
  const shutdown = async () => {
    try {
      engine?.free();
    } catch {}
    await factory.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  // Declared last, used by `handle` for `print`: requests only arrive after this.
  const rpc = new StdioRpc(handler, shutdown);
}

process.on("unhandledRejection", (err) => log("ERROR", `Unhandled rejection: ${err?.stack ?? err}`));
main().catch((err) => {
  log("ERROR", String(err?.stack ?? err));
  process.exit(1);
});
