// One-shot subcommands: `schema-engine --datasource <json> cli <command>`.
// The CLI runs `can-connect-to-database` before migrate dev/reset/deploy and
// `create-database` when the former reported P1003. Success = exit 0. Failure
// = exit 1 with an ERROR log line (target schema_engine::logger, fields
// error_code + message) on stderr; the CLI drops the FIRST stderr line and
// JSON-parses every other one, so an INFO line always comes first and nothing
// but JSON may ever be written to stderr here.
// These need no Wasm engine: plain `pg` is enough and much faster.
import { log } from "./rpc.mjs";
import { parsePgUrl, quoteIdent, withClient } from "./pg-factory.mjs";

/** Map a pg / socket error to the native engine's user-facing error codes. */
export function toPrismaError(err, url) {
  let parsed;
  try {
    parsed = parsePgUrl(url);
  } catch {
    return err instanceof Error ? err : new Error(String(err));
  }
  const { host, port, database } = parsed;
  const user = decodeURIComponent(new URL(url).username || "");
  const where = `${host}:${port}`;
  const mk = (code, message) => Object.assign(new Error(message), { code });
  switch (err?.code) {
    case "3D000":
      return mk("P1003", `Database \`${database}\` does not exist on the database server at \`${where}\`.`);
    case "28P01":
    case "28000":
      return mk(
        "P1000",
        `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
      );
    case "42P04":
      return mk("P1009", `Database \`${database}\` already exists on the database server at \`${where}\``);
    case "42501":
      return mk("P1010", `User \`${user}\` was denied access on the database \`${database}\``);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return mk(
        "P1001",
        `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`,
      );
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}

async function canConnect(url) {
  await withClient(parsePgUrl(url).connectionString, (c) => c.query("SELECT 1"));
}

async function createDatabase(url) {
  const target = parsePgUrl(url);
  // Connect to the server's maintenance database, the target doesn't exist yet.
  let lastErr;
  for (const maintenance of ["postgres", "template1"]) {
    try {
      await withClient(target.withDatabase(maintenance), (c) =>
        c.query(`CREATE DATABASE ${quoteIdent(target.database)}`),
      );
      return { databaseName: target.database };
    } catch (err) {
      lastErr = err;
      if (err?.code !== "3D000") break; // only retry if `postgres` db is missing
    }
  }
  throw lastErr;
}

export async function runCliCommand(command, datasource) {
  log("INFO", `Starting schema engine CLI command ${command}`);
  try {
    if (!datasource?.url) throw new Error("The --datasource argument with a url is required.");
    if (command === "can-connect-to-database") await canConnect(datasource.url);
    else if (command === "create-database") {
      const { databaseName } = await createDatabase(datasource.url);
      log("INFO", `Database '${databaseName}' was successfully created.`);
    } else throw new Error(`Unsupported cli command: ${command}`);
    return 0;
  } catch (raw) {
    const err = datasource?.url ? toPrismaError(raw, datasource.url) : raw;
    log("ERROR", err.message, { is_panic: false, error_code: err.code ?? null });
    return 1;
  }
}
