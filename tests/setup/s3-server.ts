import { createHash } from "node:crypto";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import S3rver from "s3rver";

// s3rver 3.7.1 answers a PUT before the object is on its disk: its filesystem store resolves
// once the body has been read (for a Buffer, at once), not when the file is written, so a
// GET right after may read an empty object. S3 itself reads its writes; the stand-in must
// too, or a test of Segel fails on the stand-in's race. This write finishes first.
const FilesystemStore = createRequire(import.meta.url)("s3rver/lib/stores/filesystem");
FilesystemStore.prototype.putObject = async function putObject(object: {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}) {
  const objectPath: string = this.getResourcePath(object.bucket, object.key, "object");
  await mkdir(path.dirname(objectPath), { recursive: true });
  const md5 = createHash("md5");
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  await pipeline(body, measure, createWriteStream(objectPath));
  const digest = md5.digest("hex");
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

/**
 * A real S3-protocol server (s3rver) in the test's own process, on a free loopback port,
 * its data in a temporary folder: the app talks to it with the same SDK calls as to
 * MinIO or a cloud. s3rver accepts the key pair S3RVER / S3RVER. It lacks ListParts and
 * AbortMultipartUpload; the staging store needs neither (docs/decisions/0019), and a
 * failed abort is only logged (0017).
 */
export interface TestS3Server {
  /** the settings an instance needs to use this server (SEGEL_OBJECT_STORE=s3 and SEGEL_S3_*) */
  env: Record<string, string>;
  /** where s3rver keeps the objects, to tamper with one as an intruder would */
  directory: string;
  bucket: string;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = "segel-test"): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "segel-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    env: {
      SEGEL_OBJECT_STORE: "s3",
      SEGEL_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      SEGEL_S3_REGION: "us-east-1",
      SEGEL_S3_BUCKET: bucket,
      SEGEL_S3_ACCESS_KEY_ID: "S3RVER",
      SEGEL_S3_SECRET_ACCESS_KEY: "S3RVER",
      SEGEL_S3_FORCE_PATH_STYLE: "true",
    },
    directory,
    bucket,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
