import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

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
