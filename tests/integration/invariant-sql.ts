import pg from "pg";
import { ownerDatabaseUrl } from "../setup/owner-sql";

/** Who writes: the application's role (segel_app, what the portal connects as) or the tables' owner. */
export type Writer = "app" | "owner";
export const WRITERS: Writer[] = ["app", "owner"];

export interface Refusal {
  /** SQLSTATE: 23514 check, 23503 foreign key, 23001 restricted delete, 23505 unique */
  code: string;
  constraint: string | null;
}

/**
 * Runs one statement on this worker's test database as `writer`, as anyone with SQL access
 * could, and returns what PostgreSQL refused it with, or null when it was accepted.
 */
export async function refusal(writer: Writer, text: string, values: unknown[] = []): Promise<Refusal | null> {
  const client = new pg.Client({ connectionString: writer === "app" ? process.env.DATABASE_URL : ownerDatabaseUrl() });
  await client.connect();
  try {
    await client.query(text, values);
    return null;
  } catch (error) {
    const e = error as pg.DatabaseError;
    if (!e.code) throw error;
    return { code: e.code, constraint: e.constraint ?? null };
  } finally {
    await client.end();
  }
}

/** The refusal a CHECK named `constraint` gives. */
export const check = (constraint: string) => ({ code: "23514", constraint });
/** The refusal a foreign key named `constraint` gives. */
export const foreignKey = (constraint: string) => ({ code: "23503", constraint });
/** The refusal a foreign key with ON DELETE RESTRICT gives a delete of the row it points at. */
export const restricted = (constraint: string) => ({ code: "23001", constraint });
/** The refusal a unique index or constraint named `constraint` gives. */
export const unique = (constraint: string) => ({ code: "23505", constraint });
