import path from "node:path";

/**
 * Where stored files live, read once from the environment: the local disk (default,
 * SEGEL_FILE_STORE or .data/files) or an S3-compatible object store (MinIO, Ceph, a
 * cloud) that every instance of a cluster shares (docs/decisions/0017). No "server-only"
 * import: the CLI scripts and the tus upload server read the same settings.
 */
export type ObjectStoreSettings =
  | { kind: "local"; root: string }
  | {
      kind: "s3";
      /** e.g. http://127.0.0.1:9000; absent means the provider's default (AWS) */
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** bucket in the path (MinIO, s3rver) rather than in the host name */
      forcePathStyle: boolean;
    };

type Env = Record<string, string | undefined>;

const S3_REQUIRED = ["SEGEL_S3_BUCKET", "SEGEL_S3_ACCESS_KEY_ID", "SEGEL_S3_SECRET_ACCESS_KEY"] as const;

/** Throws a message naming the setting that is missing or wrong, so a start fails clearly. */
export function readObjectStoreSettings(env: Env = process.env): ObjectStoreSettings {
  const kind = env.SEGEL_OBJECT_STORE || "local";
  // the local store's folder, where its temporary files are made too
  if (kind === "local") return { kind, root: env.SEGEL_FILE_STORE || path.join(process.cwd(), ".data", "files") };
  if (kind !== "s3") throw new Error(`SEGEL_OBJECT_STORE must be "local" or "s3", not "${kind}".`);
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`SEGEL_OBJECT_STORE=s3 needs ${missing.join(", ")}.`);
  const forcePathStyle = env.SEGEL_S3_FORCE_PATH_STYLE ?? "false";
  if (!["true", "false", "1", "0"].includes(forcePathStyle))
    throw new Error(`SEGEL_S3_FORCE_PATH_STYLE must be true or false, not "${forcePathStyle}".`);
  return {
    kind,
    endpoint: env.SEGEL_S3_ENDPOINT || undefined,
    // S3-compatible servers ignore the region but the signature needs one: configuration, not law
    region: env.SEGEL_S3_REGION || "us-east-1",
    bucket: env.SEGEL_S3_BUCKET!,
    accessKeyId: env.SEGEL_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.SEGEL_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: forcePathStyle === "true" || forcePathStyle === "1",
  };
}

type S3Settings = Extract<ObjectStoreSettings, { kind: "s3" }>;

/**
 * The client configuration for @aws-sdk/client-s3. Checksums only when an operation
 * requires them: S3-compatible servers do not all accept the SDK's default CRC32
 * trailers; the sealed files carry their own SHA-256 and GCM tag, checked at every
 * read-back.
 */
export function s3ClientConfig(settings: S3Settings) {
  return {
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: "WHEN_REQUIRED" as const,
    responseChecksumValidation: "WHEN_REQUIRED" as const,
  };
}
