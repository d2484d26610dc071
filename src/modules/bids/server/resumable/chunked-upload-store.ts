import "server-only";
import { Readable } from "node:stream";
import { DataStore, ERRORS, Upload } from "@tus/utils";
import pLimit from "p-limit";
import { z } from "zod";
import type { ObjectStore } from "@/server/object-store";

/**
 * tus's data store over Segel's own object store (docs/decisions/0019), used when the
 * files live in an S3-compatible bucket. Objects cannot be appended to, so each PATCH
 * becomes one chunk object (`staging-chunks/<id>.<n>`), and a small record
 * (`staging-uploads/<id>`) lists the chunks' sizes: the offset is their sum. It needs
 * only PUT, GET, DELETE and a listing, which every S3-compatible server has (unlike
 * ListParts, which @tus/s3-store needed and the test server lacks).
 *
 * tus holds the upload's lock (PgLocker) around every write, so the record is read and
 * rewritten by one writer at a time. A chunk is stored before the record names it: a
 * process that dies between the two leaves an unnamed chunk at the next index, which the
 * next write overwrites and a removal deletes.
 */
const RECORDS = "staging-uploads";
const CHUNKS = "staging-chunks";

const recordKey = (id: string) => `${RECORDS}/${id}`;
const chunkKey = (id: string, index: number) => `${CHUNKS}/${id}.${index}`;

const recordSchema = z.object({
  id: z.string(),
  size: z.number().int().nonnegative(),
  metadata: z.record(z.string(), z.string().nullable()),
  creation_date: z.string(),
  /** the byte length of each stored chunk, in order */
  chunks: z.array(z.number().int().positive()),
});
type UploadRecord = z.infer<typeof recordSchema>;

/** What never changes about an upload: enough for the worker to judge its expiry. */
export type StagedUploadInfo = Pick<Upload, "id" | "metadata" | "creation_date">;

const offsetOf = (record: UploadRecord) => record.chunks.reduce((sum, bytes) => sum + bytes, 0);

export class ChunkedUploadStore extends DataStore {
  /** immutable facts of uploads already read, so the worker's listing reads each record once */
  private readonly known = new Map<string, StagedUploadInfo>();

  constructor(
    private readonly objects: ObjectStore,
    private readonly expirationMs: number,
  ) {
    super();
    this.extensions = ["creation", "termination", "expiration"];
  }

  override getExpiration(): number {
    return this.expirationMs;
  }

  override async create(upload: Upload): Promise<Upload> {
    if (upload.size === undefined) throw ERRORS.INVALID_LENGTH;
    upload.creation_date ??= new Date().toISOString();
    await this.saveRecord({
      id: upload.id,
      size: upload.size,
      metadata: upload.metadata ?? {},
      creation_date: upload.creation_date,
      chunks: [],
    });
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const record = await this.readRecord(id);
    return new Upload({
      id,
      size: record.size,
      offset: offsetOf(record),
      metadata: record.metadata,
      creation_date: record.creation_date,
      storage: { type: "object-store", path: recordKey(id) },
    });
  }

  /**
   * Stores what arrives as the next chunk. A body cut off mid-PATCH keeps the bytes that
   * did arrive (as tus's file store does), so a weak line resumes from its last byte,
   * not from the last whole chunk; then the cut is reported.
   */
  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const record = await this.readRecord(id);
    if (offset !== offsetOf(record)) throw ERRORS.INVALID_OFFSET;
    const received = { bytes: 0, failure: undefined as unknown };
    async function* arriving() {
      try {
        for await (const chunk of stream) {
          received.bytes += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
      } catch (error) {
        received.failure = error;
      }
    }
    const source = arriving();
    const first = await source.next();
    // nothing arrived: no empty object
    if (!first.done) {
      const key = chunkKey(id, record.chunks.length);
      await this.objects.put(
        key,
        (async function* () {
          yield first.value;
          yield* source;
        })(),
      );
      await this.saveRecord({ ...record, chunks: [...record.chunks, received.bytes] });
    }
    if (received.failure !== undefined) throw received.failure;
    return offset + received.bytes;
  }

  /** The staged bytes from offset 0, chunk after chunk. */
  read(id: string): Promise<Readable> {
    return this.readRecord(id).then((record) => {
      const objects = this.objects;
      return Readable.from(
        (async function* () {
          for (let index = 0; index < record.chunks.length; index++) yield* objects.get(chunkKey(id, index));
        })(),
      );
    });
  }

  /** Chunks first, then the record: a removal cut short leaves a record the worker finds again, never chunks nobody can find. */
  override async remove(id: string): Promise<void> {
    const record = await this.readRecord(id);
    // one index past the last: a chunk stored by a write that died before its record
    const indexes = Array.from({ length: record.chunks.length + 1 }, (_, index) => index);
    await Promise.all(indexes.map((index) => this.objects.remove(chunkKey(id, index))));
    await this.objects.remove(recordKey(id));
    this.known.delete(id);
  }

  /** Every staged upload, for the worker's clean-up; a record removed meanwhile is left out. */
  async list(): Promise<StagedUploadInfo[]> {
    const ids = (await this.objects.list(RECORDS)).map((key) => key.slice(RECORDS.length + 1));
    for (const id of this.known.keys()) if (!ids.includes(id)) this.known.delete(id);
    // Configuration, not law: eight reads at a time, so a first pass over thousands of uploads does not flood the store.
    const limit = pLimit(8);
    const infos = await Promise.all(
      ids.map((id) =>
        limit(async () => {
          const known = this.known.get(id);
          if (known) return known;
          const record = await this.readRecord(id).catch(() => null);
          if (!record) return null;
          const info = { id, metadata: record.metadata, creation_date: record.creation_date };
          this.known.set(id, info);
          return info;
        }),
      ),
    );
    return infos.filter((info): info is StagedUploadInfo => info !== null);
  }

  private async saveRecord(record: UploadRecord): Promise<void> {
    await this.objects.put(recordKey(record.id), Readable.from([Buffer.from(JSON.stringify(record))]));
  }

  private async readRecord(id: string): Promise<UploadRecord> {
    let text: string;
    try {
      text = Buffer.concat(await this.objects.get(recordKey(id)).toArray()).toString("utf8");
    } catch (error) {
      // a read that failed because there is no such upload is tus's 404; anything else is the store's failure
      if ((await this.objects.size(recordKey(id))) === null) throw ERRORS.FILE_NOT_FOUND;
      throw error;
    }
    const record = recordSchema.safeParse(JSON.parse(text));
    if (!record.success || record.data.id !== id) throw new Error(`staging record ${id} is malformed`);
    return record.data;
  }
}
