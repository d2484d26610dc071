import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NotFound,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { PassThrough, pipeline, Readable } from "node:stream";
import { logger } from "./logger";
import type { ObjectStore } from "./object-store";
import { s3ClientConfig, type ObjectStoreSettings } from "./object-store-settings";

type S3Settings = Extract<ObjectStoreSettings, { kind: "s3" }>;

// Configuration, not law: 5 MiB parts (S3's minimum), two in flight, so one upload buffers
// at most about 10 MiB however large the file.
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

// One client per distinct setting: it keeps its connections alive between requests.
const clients = new Map<string, S3Client>();

function clientFor(settings: S3Settings): S3Client {
  const id = JSON.stringify(settings);
  let client = clients.get(id);
  if (!client) {
    client = new S3Client(s3ClientConfig(settings));
    clients.set(id, client);
  }
  return client;
}

/**
 * An S3-compatible bucket shared by every instance. `put` streams through
 * @aws-sdk/lib-storage: a body under 5 MiB is one PUT sent after the body has ended, a
 * larger one a multipart upload that is aborted when the body fails. It resolves only
 * after the PUT or CompleteMultipartUpload succeeded, so nothing is reported stored early.
 */
export function s3ObjectStore(settings: S3Settings, client: S3Client = clientFor(settings)): ObjectStore {
  const Bucket = settings.bucket;
  return {
    async put(Key, body) {
      // The body's own error (fileTooLarge, a dropped connection) is what the caller must
      // see; lib-storage throws the abort's error instead when aborting the upload fails.
      const failed: { error?: unknown } = {};
      async function* watched() {
        try {
          yield* body;
        } catch (error) {
          failed.error = error;
          throw error;
        }
      }
      const upload = new Upload({
        client,
        params: { Bucket, Key, Body: Readable.from(watched()) },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
      });
      try {
        await upload.done();
      } catch (error) {
        if (failed.error === undefined) throw error;
        if (error !== failed.error)
          logger.warn(
            { key: Key, error },
            "object store: aborting an unfinished multipart upload failed; the bucket's lifecycle rule removes its parts",
          );
        throw failed.error;
      }
    },
    get(Key) {
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket, Key })).then(
        (answer) => pipeline(answer.Body as Readable, out, () => {}),
        (error: unknown) => out.destroy(error as Error),
      );
      return out;
    },
    async remove(Key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
    },
    async size(Key) {
      try {
        return (await client.send(new HeadObjectCommand({ Bucket, Key }))).ContentLength ?? 0;
      } catch (error) {
        if (
          error instanceof NotFound ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          return null;
        throw error;
      }
    },
    async list(area) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: `${area}/`, ContinuationToken }));
        keys.push(...(page.Contents ?? []).map((object) => object.Key!));
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys;
    },
  };
}

/** The health check's look: the bucket answers to these credentials (HeadBucket). Throws when not. */
export async function checkS3Store(settings: S3Settings): Promise<void> {
  await clientFor(settings).send(new HeadBucketCommand({ Bucket: settings.bucket }));
}
