import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownerDatabaseUrl } from "@/tests/setup/owner-sql";
import { resetDatabase } from "@/tests/setup/reset-database";
import { makeActor, makeAgency, seedReference } from "@/tests/factories";

/**
 * Test set-up for the import (not a test itself): the test database becomes another LPSE,
 * emptied, with its own file store, instance key and at-rest key, the reference data, one
 * agency and an ADMIN_LPSE.
 */
export async function becomeAnotherInstance() {
  await resetDatabase(ownerDatabaseUrl());
  const store = mkdtempSync(path.join(os.tmpdir(), "segel-import-dst-"));
  process.env.SEGEL_FILE_STORE = store;
  process.env.SEGEL_INSTANCE_KEY_FILE = path.join(store, "instance-ed25519.pem");
  process.env.SEGEL_AT_REST_KEY_FILE = path.join(store, "at-rest.key");
  await seedReference();
  const agency = await makeAgency();
  const admin = await makeActor("ADMIN_LPSE");
  return { agency, admin };
}
