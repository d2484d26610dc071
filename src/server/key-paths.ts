import path from "node:path";

/**
 * Where the instance's secrets live: files outside the database, named by settings. One
 * place for the names and defaults, read by the loaders, the offline checks and the
 * cluster-mode start check (no "server-only": the CLI scripts read it too).
 */
type Env = Record<string, string | undefined>;

export const KEY_SETTINGS = {
  /** Ed25519: receipts, audit tree heads, and (HKDF) the audit and file-proof MAC keys */
  instanceKey: "SEGEL_INSTANCE_KEY_FILE",
  /** 32 random bytes: the opened tenders' keys at rest */
  atRestKey: "SEGEL_AT_REST_KEY_FILE",
} as const;

export type KeySetting = (typeof KEY_SETTINGS)[keyof typeof KEY_SETTINGS];

const DEFAULTS: Record<KeySetting, string> = {
  SEGEL_INSTANCE_KEY_FILE: "instance-ed25519.pem",
  SEGEL_AT_REST_KEY_FILE: "at-rest.key",
};

/** The file a key setting names, or its default in .data/ (one machine only). */
export function keyFilePath(setting: KeySetting, env: Env = process.env): string {
  return env[setting] || path.join(process.cwd(), ".data", DEFAULTS[setting]);
}

export const instanceKeyPath = (env: Env = process.env) => keyFilePath("SEGEL_INSTANCE_KEY_FILE", env);
export const atRestKeyPath = (env: Env = process.env) => keyFilePath("SEGEL_AT_REST_KEY_FILE", env);

/** The audit log's signed heads (decision 0008): SEGEL_AUDIT_HEADS_FILE, default beside the instance key. */
export function treeHeadsPath(env: Env = process.env): string {
  return env.SEGEL_AUDIT_HEADS_FILE || path.join(path.dirname(instanceKeyPath(env)), "audit-tree-heads.jsonl");
}

/** SEGEL_CLUSTER=1: several instances share keys from settings and never make their own. */
export const isClusterMode = (env: Env = process.env) => env.SEGEL_CLUSTER === "1";
