// PostgreSQL driver-adapter factory handed to the Wasm schema engine.
//
// It wraps @prisma/adapter-pg but owns every pg.Pool itself, because the stock
// PrismaPg factory has several problems when driven by the schema engine
// (see README.md, "Pitfalls"):
//   * pg_catalog columns of type "char" (OID 18) make adapter-pg throw
//     "Column type 'char' could not be deserialized";
//   * executeScript() splits scripts on every `;`, breaking `$$ ... ; ... $$`
//     plpgsql bodies;
//   * connectToShadowDb() builds the shadow pool from `{ ...config, database }`,
//     but a connectionString wins over `database`, so it lands on the MAIN db;
//   * `?schema=x` in the URL is ignored unless search_path is set.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

// pg_catalog's one-byte "char" type (OID 18: pg_class.relkind,
// pg_constraint.contype, ...) makes adapter-pg throw "Column type 'char' could
// not be deserialized", yet the engine insists on reading these columns as
// ColumnType.Character. adapter-pg throws while mapping OIDs, before a queryRaw
// wrapper could intervene, so this is done in two steps:
//   1. at the pg.Client level, report such fields as text and tag their name;
//   2. in queryRaw (adapter and transactions), untag them as Character.
// Other catalog-only types adapter-pg rejects are simply reported as text.
const TEXT_OID = 25;
const CHAR_OID = 18;
const CHAR_TAG = "\u0000prisma-char";
const CATALOG_TEXT_OIDS = new Set([22, 24, 28, 29, 30, 194, 1033, 2205, 2206, 4089, 4096]); // int2vector, regproc, xid, cid, oidvector, pg_node_tree, aclitem, regclass, regtype, regnamespace, regrole

function patchFields(result) {
  if (Array.isArray(result)) result.forEach(patchFields);
  else if (result?.fields) {
    for (const field of result.fields) {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        field.name += CHAR_TAG;
      } else if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function untagCharColumns(resultSet) {
  resultSet.columnNames.forEach((name, i) => {
    if (name.endsWith(CHAR_TAG)) {
      resultSet.columnNames[i] = name.slice(0, -CHAR_TAG.length);
      resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    }
  });
  return resultSet;
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => untagCharColumns(await queryRaw(query));
  return queryable;
}

// pg.Client whose results never expose catalog OIDs adapter-pg rejects.
// Covers pool.query (callback style) and pooled clients used in transactions.
class CatalogSafeClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [callback, values] = [values, undefined];
    if (typeof callback === "function") {
      return super.query(config, values, (err, res) => callback(err, err ? res : patchFields(res)));
    }
    const out = super.query(config, values);
    return typeof out?.then === "function" ? out.then(patchFields) : out;
  }
}

/** Splits a postgres URL into a pg connection string and the `schema` param. */
export function parsePgUrl(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") || undefined;
  parsed.searchParams.delete("schema");
  return {
    connectionString: parsed.toString(),
    schema,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    host: parsed.hostname,
    port: parsed.port || "5432",
    withDatabase(name) {
      const u = new URL(parsed.toString());
      u.pathname = `/${encodeURIComponent(name)}`;
      return u.toString();
    },
  };
}

export const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

function newPool(connectionString, schema) {
  return new pg.Pool({
    connectionString,
    Client: CatalogSafeClient,
    // `-c search_path=...` makes unqualified names resolve in `?schema=x`.
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
    max: 4,
  });
}

export class PgMigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  /** @param {{ url: string, shadowDatabaseUrl?: string }} datasource */
  constructor(datasource) {
    // No url is fine for schema-to-schema diffs; fail only if a connection is needed.
    this.main = datasource.url ? parsePgUrl(datasource.url) : null;
    this.shadow = datasource.shadowDatabaseUrl ? parsePgUrl(datasource.shadowDatabaseUrl) : null;
    /** Open adapters, disposed on shutdown in case the engine forgot one. */
    this.open = new Set();
    /** Open shadow-database adapters; see releaseShadowDbs(). */
    this.shadows = new Set();
  }

  connect() {
    if (!this.main) throw new Error("No datasource url configured (set datasource.url in prisma.config.ts).");
    return this.#adapter(this.main.connectionString, this.main.schema);
  }

  async connectToShadowDb() {
    // An explicitly configured shadow database is used as-is (native behaviour).
    if (this.shadow) return this.#adapter(this.shadow.connectionString, this.shadow.schema);
    if (!this.main) throw new Error("No datasource url configured (set datasource.url in prisma.config.ts).");

    // Otherwise create a throw-away database on the same server, like the
    // native engine does, and drop it when the engine disposes the adapter.
    // The name embeds the main database's as a suffix, so a leaked shadow
    // database says where it came from, and test harnesses that clean up
    // `%_test` databases catch it too. Postgres truncates names at 63 bytes.
    const rand = randomBytes(6).toString("hex");
    const derived = `prisma_shadow_${rand}_${this.main.database}`;
    const name = Buffer.byteLength(derived) <= 63 ? derived : `prisma_migrate_shadow_db_${rand}`;
    await withClient(this.main.connectionString, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const drop = () =>
      withClient(this.main.connectionString, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
      );
    try {
      const adapter = await this.#adapter(this.main.withDatabase(name), this.main.schema, drop);
      this.shadows.add(adapter);
      return adapter;
    } catch (err) {
      await drop().catch(() => {});
      throw err;
    }
  }

  async #adapter(connectionString, schema, afterDispose) {
    const pool = newPool(connectionString, schema);
    // disposeExternalPool: adapter.dispose() must end our pool, or idle
    // connections keep the (shadow) database busy and it cannot be dropped.
    const adapter = withCharColumns(await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));

    // Send migration scripts as ONE simple-protocol query: postgres handles
    // multi-statement strings itself, dollar-quoting included, and the script
    // text stays byte-identical (the engine checksums it).
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (err) {
        adapter.onError(err); // rethrows as DriverAdapterError
      }
    };

    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      this.open.delete(adapter);
      this.shadows.delete(adapter);
      await dispose();
      await afterDispose?.();
    };
    this.open.add(adapter);
    return adapter;
  }

  /**
   * The Wasm engine never disposes its shadow adapter, and the CLI SIGKILLs/
   * SIGTERMs the engine right after closing stdin, so dropping shadow databases
   * at exit is too late. A shadow database only lives for one command, so the
   * RPC loop calls this after every request, before answering.
   */
  async releaseShadowDbs() {
    await Promise.allSettled([...this.shadows].map((a) => a.dispose()));
  }

  /** Dispose every adapter still open (ends pools, drops shadow databases). */
  async close() {
    await Promise.allSettled([...this.open].map((a) => a.dispose()));
  }
}

export async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  client.on("error", () => {}); // reported through the awaited calls instead
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
