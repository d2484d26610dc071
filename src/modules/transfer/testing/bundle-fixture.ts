import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { keyFingerprint } from "@/modules/bids/domain";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleData, type BundleManifest } from "../domain/bundle-format";

/**
 * Test set-up (not a test): writes a bundle the way the format says, from rows the tests
 * made, with a raw tar writer so a test can also write what node-tar would never write
 * (a path with "..", a link, an entry the format does not name).
 */
export interface RawEntry {
  name: string;
  body?: Buffer;
  /** tar type flag: "0" file, "2" symbolic link, "1" hard link, "5" folder */
  type?: "0" | "1" | "2" | "5";
  linkName?: string;
}

export function writeRawTar(file: string, entries: RawEntry[]): void {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.body ?? Buffer.alloc(0);
    const header = Buffer.alloc(512);
    header.write(e.name, 0, 100, "utf8");
    header.write("0000644\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(`${(e.type === undefined || e.type === "0" ? body.length : 0).toString(8).padStart(11, "0")}\0`, 124);
    header.write("00000000000\0", 136);
    header.write("        ", 148);
    header.write(e.type ?? "0", 156);
    if (e.linkName) header.write(e.linkName, 157, 100, "utf8");
    header.write("ustar\0", 257);
    header.write("00", 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
    blocks.push(header);
    if (e.type === undefined || e.type === "0") {
      blocks.push(body);
      const pad = (512 - (body.length % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(1024));
  writeFileSync(file, Buffer.concat(blocks));
}

export const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

export interface SourceKey {
  privateKey: KeyObject;
  publicKeyPem: string;
  fingerprint: string;
}

export function makeSourceKey(): SourceKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    fingerprint: keyFingerprint(publicKey),
  };
}

export interface BundleSpec {
  key: SourceKey;
  data: BundleData;
  /** stored objects by their bytes; named files/<sha256> */
  files?: Buffer[];
  tender: BundleManifest["tender"];
  schemaMigration: string;
  /** change the manifest before it is signed */
  editManifest?: (m: BundleManifest) => void;
  /** change the entries after signing: the tampering under test */
  editEntries?: (entries: RawEntry[]) => RawEntry[];
  /** sign with another key than the manifest names */
  signWith?: KeyObject;
}

/** Writes the bundle to a new temporary file and returns its path and manifest. */
export function writeTestBundle(spec: BundleSpec): { file: string; manifest: BundleManifest } {
  const dataBytes = Buffer.from(JSON.stringify(spec.data));
  const files = spec.files ?? [];
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(spec.data.tables)) counts[table] = rows.length;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaMigration: spec.schemaMigration,
    segelVersion: "0.0.0-test",
    exportedAt: new Date().toISOString(),
    source: {
      lpseName: "LPSE Sumber Uji",
      url: "https://lpse-sumber.example.go.id",
      instanceKey: { fingerprint: spec.key.fingerprint, publicKeyPem: spec.key.publicKeyPem },
    },
    tender: spec.tender,
    counts,
    entries: [
      { path: "data.json", size: dataBytes.length, sha256: sha256Hex(dataBytes) },
      ...files.map((f) => ({ path: `files/${sha256Hex(f)}`, size: f.length, sha256: sha256Hex(f) })),
    ],
  };
  spec.editManifest?.(manifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const signature = sign(null, manifestBytes, spec.signWith ?? spec.key.privateKey).toString("base64");
  let entries: RawEntry[] = [
    { name: "manifest.json", body: manifestBytes },
    { name: "manifest.sig", body: Buffer.from(signature) },
    { name: "data.json", body: dataBytes },
    ...files.map((f) => ({ name: `files/${sha256Hex(f)}`, body: f })),
  ];
  if (spec.editEntries) entries = spec.editEntries(entries);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-bundle-test-")), "bundle.tar");
  writeRawTar(file, entries);
  return { file, manifest };
}

/** One byte of an entry's body changed (the first byte XOR 1). */
export function flipByte(entries: RawEntry[], name: string, at = 0): RawEntry[] {
  return entries.map((e) => {
    if (e.name !== name || !e.body) return e;
    const body = Buffer.from(e.body);
    body[at] = body[at]! ^ 1;
    return { ...e, body };
  });
}

/** Every entry of a tar, in order, with its bytes (small test bundles only). */
export async function readTarEntries(file: string): Promise<RawEntry[]> {
  const { t } = await import("tar");
  const entries: RawEntry[] = [];
  await t({
    file,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on("data", (c: Buffer) => chunks.push(c));
      entry.on("end", () => entries.push({ name: entry.path, body: Buffer.concat(chunks) }));
    },
  });
  return entries;
}

/** Rewrites a bundle: `edit` may change entries; `resign` edits the manifest and signs it again. */
export async function rewriteBundle(
  file: string,
  options: {
    edit?: (entries: RawEntry[]) => RawEntry[];
    resign?: { privateKeyPem: string; editManifest: (m: BundleManifest) => void };
  },
): Promise<string> {
  let entries = await readTarEntries(file);
  if (options.resign) {
    const { createPrivateKey } = await import("node:crypto");
    const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.body!.toString("utf8"));
    options.resign.editManifest(manifest);
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    const sig = sign(null, bytes, createPrivateKey(options.resign.privateKeyPem)).toString("base64");
    entries = entries.map((e) =>
      e.name === "manifest.json"
        ? { ...e, body: bytes }
        : e.name === "manifest.sig"
          ? { ...e, body: Buffer.from(sig) }
          : e,
    );
  }
  if (options.edit) entries = options.edit(entries);
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-bundle-test-")), "bundle.tar");
  writeRawTar(out, entries);
  return out;
}

/**
 * Rewrites a bundle's data.json and signs the manifest again with the source's own key
 * (what a hostile or an older source could sign): `edit` changes the rows, `editManifest`
 * anything else (the version); the manifest's entry for data.json follows the new bytes.
 */
export async function rewriteData(
  file: string,
  privateKeyPem: string,
  edit: (data: BundleData) => void,
  editManifest: (m: BundleManifest) => void = () => {},
): Promise<string> {
  const entries = await readTarEntries(file);
  const data = JSON.parse(entries.find((e) => e.name === "data.json")!.body!.toString("utf8")) as BundleData;
  edit(data);
  const body = Buffer.from(JSON.stringify(data));
  return rewriteBundle(file, {
    resign: {
      privateKeyPem,
      editManifest: (m) => {
        m.entries = m.entries.map((e) =>
          e.path === "data.json" ? { ...e, size: body.length, sha256: sha256Hex(body) } : e,
        );
        editManifest(m);
      },
    },
    edit: (list) => list.map((e) => (e.name === "data.json" ? { ...e, body } : e)),
  });
}
