import { existsSync } from "node:fs";
import path from "node:path";
import { isClusterMode, KEY_SETTINGS } from "./key-paths";
import { readObjectStoreSettings } from "./object-store-settings";

type Env = Record<string, string | undefined>;

/**
 * What an instance with SEGEL_CLUSTER=1 must be given rather than make for itself: every
 * instance behind the load balancer must sign receipts with one key, keep opened keys
 * under one at-rest key, accept each other's sessions and read each other's files
 * (docs/decisions/0017). Returns one line per problem, each naming its setting.
 */
export function clusterSettingProblems(env: Env = process.env): string[] {
  if (!isClusterMode(env)) return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL)
    problems.push("DATABASE_URL: the PostgreSQL every instance shares (cluster mode runs no embedded database).");
  if (!env.NEXTAUTH_SECRET) problems.push("NEXTAUTH_SECRET: the session secret every instance shares.");
  for (const setting of Object.values(KEY_SETTINGS)) {
    const file = env[setting];
    if (!file) problems.push(`${setting}: the key file every instance shares.`);
    else if (!existsSync(file)) problems.push(`${setting}: ${file} does not exist; provision the shared key there.`);
  }
  const heads = env.SEGEL_AUDIT_HEADS_FILE;
  if (!heads) problems.push("SEGEL_AUDIT_HEADS_FILE: the audit heads file on storage every worker shares.");
  else if (!existsSync(path.dirname(heads)))
    problems.push(`SEGEL_AUDIT_HEADS_FILE: the folder of ${heads} does not exist.`);
  try {
    if (readObjectStoreSettings(env).kind === "local" && !env.SEGEL_FILE_STORE) {
      problems.push(
        "SEGEL_OBJECT_STORE=s3 (with SEGEL_S3_*), or SEGEL_FILE_STORE on storage every instance shares: files must be readable by every instance.",
      );
    }
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** Stops a process in cluster mode that lacks a shared setting, before it serves anything. */
export function assertClusterSettings(env: Env = process.env): void {
  const problems = clusterSettingProblems(env);
  if (problems.length)
    throw new Error(
      `SEGEL_CLUSTER=1 and a shared setting is missing; this instance will not start rather than make its own:\n  ${problems.join("\n  ")}`,
    );
}

/** For the entry points (serve.ts, worker.ts): print the problems and exit 1. */
export function exitUnlessClusterSettings(): void {
  try {
    assertClusterSettings();
  } catch (error) {
    console.error(`[segel] ${(error as Error).message}`);
    process.exit(1);
  }
}
