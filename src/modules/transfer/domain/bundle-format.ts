import { z } from "zod";

/**
 * A tender moved whole to another LPSE travels as one bundle (docs/decisions/0040): an
 * uncompressed POSIX tar (node-tar) holding, in this order,
 *
 *   manifest.json   the signed statement: what the bundle is and the hash of every other entry
 *   manifest.sig    base64 Ed25519 signature of manifest.json's exact bytes by the source
 *                   instance key (the key that signed the bids' receipts)
 *   data.json       the tender's rows, table by table (BundleData below)
 *   files/<sha256>  each stored object the rows name (documents, sealed bid files), by the
 *                   hex SHA-256 of its bytes; ciphertext stays ciphertext
 *
 * Nothing in the bundle is trusted before manifest.sig verifies against manifest.json and
 * every entry's size and SHA-256 match the manifest; an entry the manifest does not list,
 * or one it lists that is missing, refuses the bundle. Pure: no Prisma, no I/O.
 */
export const BUNDLE_FORMAT = "segel-tender-bundle";
/**
 * 1: the tender before issue 15. 2: also the prakualifikasi (applications, their evidence and
 * the sanggah prakualifikasi), the price key and its shares, and the Tender's issue-15
 * columns. A reader takes its own version and older ones, and refuses a newer one.
 */
export const BUNDLE_VERSION = 2;
export const MANIFEST_ENTRY = "manifest.json";
export const SIGNATURE_ENTRY = "manifest.sig";
export const DATA_ENTRY = "data.json";
export const FILES_PREFIX = "files/";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const bundleEntrySchema = z.object({
  /** "data.json" or "files/<sha256>" */
  path: z.string().regex(/^(data\.json|files\/[0-9a-f]{64})$/),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type BundleEntry = z.infer<typeof bundleEntrySchema>;

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().positive(),
  /** the newest migration of the source's schema (prisma/migrations folder name) */
  schemaMigration: z.string().min(1),
  /** the Segel release that wrote the bundle (package.json version) */
  segelVersion: z.string().min(1),
  exportedAt: z.string().datetime({ offset: true }),
  source: z.object({
    lpseName: z.string().min(1),
    /** the source's public address, when it knows one (NEXTAUTH_URL) */
    url: z.string().url().nullable(),
    /** the key that signs this manifest and signed the tender's receipts */
    instanceKey: z.object({
      fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      publicKeyPem: z.string().min(1),
    }),
  }),
  tender: z.object({
    id: z.string().uuid(),
    code: z.string().min(1),
    status: z.string().min(1),
    name: z.string().min(1),
  }),
  /** counts as a reader's summary; the importer checks them against data.json */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  entries: z.array(bundleEntrySchema).min(1),
});
export type BundleManifest = z.infer<typeof bundleManifestSchema>;

/**
 * data.json: `{ tables: { <Prisma model name>: row[] } }`, rows as Prisma returns them with
 * every scalar column, encoded by encodeValue below so that bytes, big integers and times
 * survive JSON exactly. People are carried as the fields needed to match or invite them
 * (BundlePerson), never with a password hash, TOTP secret or session.
 */
export interface BundleData {
  tables: Record<string, Record<string, EncodedValue>[]>;
  people: BundlePerson[];
}

export interface BundlePerson {
  /** the source's User.id, as the rows name it */
  id: string;
  email: string;
  name: string;
  nip: string | null;
  /** what the person is to the tender: PPK, POKJA, VENDOR (a vendor's user), ASKER ... */
  roles: string[];
  /** the source's Vendor.id for a vendor's user */
  vendorId: string | null;
}

export type EncodedValue =
  | null
  | boolean
  | number
  | string
  | EncodedValue[]
  | { $bytes: string }
  | { $bigint: string }
  | { $date: string }
  | { [key: string]: EncodedValue };

/** A row value as JSON: Uint8Array → base64, bigint → decimal text, Date → ISO 8601 (ms). */
export function encodeValue(value: unknown): EncodedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === "object") {
    const out: Record<string, EncodedValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = encodeValue(v);
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("non-finite number");
  return value as boolean | number | string;
}

/**
 * The inverse of encodeValue. A Json column's own objects are returned as they are, so a
 * JSON document that happens to hold "$date" keys is not at risk: callers decode a row's
 * columns one by one and skip Json columns.
 */
export function decodeValue(value: EncodedValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const keys = Object.keys(value);
  if (keys.length === 1) {
    if ("$bytes" in value && typeof value.$bytes === "string") return fromBase64(value.$bytes);
    if ("$bigint" in value && typeof value.$bigint === "string") return BigInt(value.$bigint);
    if ("$date" in value && typeof value.$date === "string") return new Date(value.$date);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decodeValue(v as EncodedValue);
  return out;
}

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");

function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error("not base64");
  return new Uint8Array(Buffer.from(text, "base64"));
}
