import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { requestScope } from "@/tests/setup/next-request-scope";
import { bidPdf, makeBidder, makeSealedBidTender, stageBidFile } from "@/tests/factories";
import {
  create,
  cutAfter,
  metadata,
  openAfterDeadline,
  patch,
  refusal,
  send,
  signIn,
  stagingRoot,
  stagedFiles,
  startUpload,
  watched,
  willSend,
} from "../../testing/tus-requests";
import { submitBid } from "../submit-bid";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES } from "../../domain/bid-rules";
import {
  CONTENT_HASH_HEADER,
  FILE_NAME_HEADER,
  newStagingKey,
  STAGING_KEY_HEADER,
  UPLOADS_PATH,
} from "../../upload-protocol";

// Next's request scope stands in for the route (tests/setup/next-request-scope.ts).
vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

beforeEach(() => {
  requestScope.locale = "id";
});

describe("resumable bid uploads (tus)", () => {
  it("stages a file in pieces, resumes a cut PATCH from HEAD's offset, keeps only ciphertext, and returns a sealed file a bid can be submitted with", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { user, actor } = await makeBidder(tender.id);
    await signIn(user);
    const content = bidPdf("PENAWARAN-RAHASIA-TUS", 300_000);
    willSend(content);
    const key = newStagingKey();

    const created = await create(tender.id, content.length, key);
    expect(created.status).toBe(201);
    const location = created.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${UPLOADS_PATH}/[0-9a-f]{32}$`));

    // a first piece that ends inside a cipher block, so the next one starts mid-block
    const first = await patch(location, key, 0, content.subarray(0, 100_003));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("100003");

    // The connection drops during the next piece: HEAD says what the server holds, and the upload goes on from there.
    await patch(location, key, 100_003, cutAfter(content.subarray(100_003, 150_001)));
    const head = await send("HEAD", location, {});
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get("upload-offset"));
    expect(offset).toBeGreaterThanOrEqual(100_003);
    expect(offset).toBeLessThanOrEqual(150_001);
    expect(Number(head.headers.get("upload-length"))).toBe(content.length);

    // Mid-upload, the staging area holds neither the content nor the name, nor a PDF header.
    const staged = stagedFiles();
    expect(staged.length).toBeGreaterThan(0);
    for (const { bytes } of staged) {
      for (const clear of ["PENAWARAN-RAHASIA-TUS", "%PDF", "surat penawaran"])
        expect(bytes.includes(Buffer.from(clear))).toBe(false);
      expect(bytes.includes(Buffer.from(key))).toBe(false);
    }
    expect(staged.find((f) => f.name.endsWith(".json"))).toBeDefined();

    const last = await patch(location, key, offset, content.subarray(offset));
    expect(last.status).toBe(200);
    const reply = (await last.json()) as {
      ok: true;
      data: { id: string; part: string; commitment: string; sizeBytes: number; fileName: string; contentBytes: number };
    };
    expect(reply.data).toMatchObject({
      part: "HARGA",
      fileName: "surat penawaran harga.pdf",
      contentBytes: content.length,
    });
    expect(reply.data.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(stagedFiles()).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "bid.fileStaged", entityId: reply.data.id } })).toBe(1);

    const bid = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: 987_654_321n,
      files: [{ id: reply.data.id }],
      idempotencyKey: randomUUID(),
    });
    expect(bid.signedReceipt.receipt).toMatchObject({
      bidId: bid.bidId,
      files: [{ part: "HARGA", commitment: reply.data.commitment }],
    });

    // After the deadline, k members open exactly the bytes the vendor sent, under the name it sent.
    const opened = await openAfterDeadline(tender.id, members, reply.data.id);
    expect(opened.content.equals(content)).toBe(true);
    expect(opened).toMatchObject({ fileName: "surat penawaran harga.pdf", commitment: reply.data.commitment });
  });

  it("refuses to seal a file whose staged ciphertext was altered in the store, and seals nothing", async () => {
    const { content, key, location } = await startUpload("HARGA-ASLI", 70_000);
    expect((await patch(location, key, 0, content.subarray(0, 40_000))).status).toBe(204);
    // someone with write access to the staging area flips a bit (CTR flips the same bit of the plaintext)
    const { openSync, readSync, writeSync, closeSync } = await import("node:fs");
    const fd = openSync(path.join(stagingRoot(), location.split("/").pop()!), "r+");
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, 30_000);
    writeSync(fd, Buffer.from([byte[0]! ^ 0x01]), 0, 1, 30_000);
    closeSync(fd);
    const refused = await refusal(await patch(location, key, 40_000, content.subarray(40_000)));
    expect(refused).toMatchObject({ status: 422, code: "VALIDATION" });
    expect(await db.bidFile.count()).toBe(0);
    expect(stagedFiles()).toEqual([]);
    expect(
      existsSync(path.join(process.env.SEGEL_FILE_STORE!, "sealed"))
        ? readdirSync(path.join(process.env.SEGEL_FILE_STORE!, "sealed"), { recursive: true }).filter((f) =>
            statSync(path.join(process.env.SEGEL_FILE_STORE!, "sealed", String(f))).isFile(),
          )
        : [],
    ).toEqual([]);
  });

  it.each([
    ["a vendor not registered for the tender", { registered: false }, 0, 403, "bidNotRegistered"],
    ["a file over the per-file limit", {}, MAX_BID_FILE_BYTES + 1, 413, "fileTooLarge"],
  ] as const)("refuses %s at creation, before anything is staged", async (_name, bidder, length, status, _key) => {
    const { tender } = await makeSealedBidTender();
    const { user } = await makeBidder(tender.id, bidder);
    await signIn(user);
    requestScope.locale = "en";
    const refused = await refusal(await create(tender.id, length || 1_000, newStagingKey()));
    expect(refused.status).toBe(status);
    expect(stagedFiles()).toEqual([]);
  });

  it("refuses an Upload-Length beyond what is left of the bid's budget with 413 and a message in Indonesian", async () => {
    const { tender } = await makeSealedBidTender();
    const { user, actor } = await makeBidder(tender.id);
    const earlier = await stageBidFile(actor, tender.id, bidPdf("lampiran"), "TEKNIS");
    // the bid already holds all but 1 MiB of its budget
    await db.bidFile.update({
      where: { id: earlier.id },
      data: { sizeBytes: BigInt(MAX_BID_TOTAL_BYTES - 1_048_576) },
    });
    await signIn(user);
    const refused = await refusal(await create(tender.id, 2_000_000, newStagingKey()));
    expect(refused).toMatchObject({ status: 413, code: "VALIDATION" });
    expect(refused.message).toContain("Total berkas penawaran");
    expect(stagedFiles()).toEqual([]);
    expect((await create(tender.id, 900_000, newStagingKey())).status).toBe(201);
  });

  it("refuses every request once the bid stage has closed by the database clock, before reading a byte", async () => {
    const { tender } = await makeSealedBidTender();
    const { user } = await makeBidder(tender.id);
    await signIn(user);
    const key = newStagingKey();
    const location = (await create(tender.id, 70_000, key)).headers.get("location")!;
    const size = () => statSync(path.join(stagingRoot(), location.split("/").pop()!)).size;
    await db.$executeRaw`UPDATE "TenderStage" SET "endsAt" = date_trunc('milliseconds', clock_timestamp()) - interval '1 millisecond' WHERE "tenderId" = ${tender.id}::uuid AND kind = 'UPLOAD_PENAWARAN'`;
    const late = watched(bidPdf("terlambat"));
    const refused = await refusal(await patch(location, key, 0, late.body));
    expect(refused).toMatchObject({ status: 409, code: "INVALID_STATE" });
    expect(late.state.read).toBe(false);
    expect(size()).toBe(0);
    expect((await refusal(await create(tender.id, 1_000, newStagingKey()))).status).toBe(409);
  });

  it("answers malformed tus requests with a clear 4xx and writes nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { user } = await makeBidder(tender.id);
    const other = await makeBidder(tender.id);
    await signIn(user);
    const key = newStagingKey();
    const location = (await create(tender.id, 70_000, key)).headers.get("location")!;
    const id = location.split("/").pop()!;
    const chunk = bidPdf("x");
    const cases: [string, () => Promise<Response>, number][] = [
      [
        "no Tus-Resumable",
        () =>
          send("POST", UPLOADS_PATH, {
            "Tus-Resumable": "",
            "Upload-Length": "10",
            "Upload-Metadata": metadata(tender.id),
            [STAGING_KEY_HEADER]: key,
          }),
        422,
      ],
      ["a negative length", () => create(tender.id, -5, key), 422],
      [
        "an absurd length",
        () =>
          send("POST", UPLOADS_PATH, {
            "Upload-Length": "9".repeat(30),
            "Upload-Metadata": metadata(tender.id),
            [STAGING_KEY_HEADER]: key,
          }),
        422,
      ],
      [
        "a deferred length",
        () =>
          send("POST", UPLOADS_PATH, {
            "Upload-Defer-Length": "1",
            "Upload-Metadata": metadata(tender.id),
            [STAGING_KEY_HEADER]: key,
          }),
        422,
      ],
      [
        "no tender in the metadata",
        () => send("POST", UPLOADS_PATH, { "Upload-Length": "10", [STAGING_KEY_HEADER]: key }),
        422,
      ],
      [
        "an unknown part",
        () =>
          send("POST", UPLOADS_PATH, {
            "Upload-Length": "10",
            "Upload-Metadata": metadata(tender.id, "RAHASIA"),
            [STAGING_KEY_HEADER]: key,
          }),
        422,
      ],
      ["no staging key", () => create(tender.id, 10, ""), 422],
      ["a negative offset", () => patch(location, key, -1, chunk), 422],
      ["an absurd offset", () => patch(location, key, 0, chunk, { "Upload-Offset": "1".repeat(40) }), 422],
      ["an offset past the length", () => patch(location, key, 70_001, chunk), 422],
      ["an offset the server does not hold", () => patch(location, key, 10, chunk), 409],
      ["the wrong content type", () => patch(location, key, 0, chunk, { "Content-Type": "application/pdf" }), 422],
      ["another upload's key", () => patch(location, newStagingKey(), 0, chunk), 422],
      ["a malformed file name", () => patch(location, key, 0, chunk, { [FILE_NAME_HEADER]: "%E0%A4%A" }), 422],
      ["no hash of the content", () => patch(location, key, 0, chunk, { [CONTENT_HASH_HEADER]: "" }), 422],
      ["an id that is not an upload", () => patch(`${UPLOADS_PATH}/${"0".repeat(32)}`, key, 0, chunk), 404],
      ["a path outside the uploads", () => patch(`${UPLOADS_PATH}/../files`, key, 0, chunk), 404],
    ];
    for (const [name, run, status] of cases) {
      const refused = await refusal(await run(), name);
      expect(refused.status, name).toBe(status);
    }
    // another vendor cannot see, resume or abandon it
    await signIn(other.user);
    expect((await refusal(await send("HEAD", location, {}))).status).toBe(404);
    expect((await refusal(await patch(location, key, 0, chunk))).status).toBe(404);
    expect((await refusal(await send("DELETE", location, {}))).status).toBe(404);
    // nothing was written: one upload, still at offset 0
    expect(stagedFiles().map((f) => [f.name, f.bytes.length])).toContainEqual([id, 0]);
    expect(stagedFiles()).toHaveLength(2);
  });
});

describe("removeExpiredUploads (the worker's clean-up)", () => {
  it("finds nothing to remove when the staging folder is not there (a fresh store, or one emptied by an operator)", async () => {
    const { removeExpiredUploads } = await import("./remove-expired-uploads");
    const fresh = mkdtempSync(path.join(os.tmpdir(), "segel-fresh-store-"));
    const previous = process.env.SEGEL_FILE_STORE;
    process.env.SEGEL_FILE_STORE = fresh;
    try {
      expect(await removeExpiredUploads()).toBe(0);
      // the worker made its store at its first tick; the folder goes away under it
      rmSync(path.join(fresh, "staging"), { recursive: true, force: true });
      expect(await removeExpiredUploads()).toBe(0);
    } finally {
      process.env.SEGEL_FILE_STORE = previous;
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it("removes an unfinished upload once its tender's deadline has passed by the database clock, and keeps one still open", async () => {
    const { removeExpiredUploads } = await import("./remove-expired-uploads");
    const closing = await makeSealedBidTender();
    const open = await makeSealedBidTender();
    const a = await makeBidder(closing.tender.id);
    const b = await makeBidder(open.tender.id);
    await signIn(a.user);
    const keyA = newStagingKey();
    const gone = (await create(closing.tender.id, 200_000, keyA)).headers.get("location")!;
    expect((await patch(gone, keyA, 0, bidPdf("setengah", 100_000).subarray(0, 50_000))).status).toBe(204);
    await signIn(b.user);
    const kept = (await create(open.tender.id, 200_000, newStagingKey())).headers.get("location")!;
    expect(await removeExpiredUploads()).toBe(0);

    await db.$executeRaw`UPDATE "TenderStage" SET "endsAt" = date_trunc('milliseconds', clock_timestamp()) - interval '1 millisecond' WHERE "tenderId" = ${closing.tender.id}::uuid AND kind = 'UPLOAD_PENAWARAN'`;
    expect(await removeExpiredUploads()).toBe(1);
    const names = stagedFiles().map((f) => f.name);
    expect(names).not.toContain(gone.split("/").pop());
    expect(names).toContain(kept.split("/").pop());
    await signIn(a.user);
    expect((await refusal(await send("HEAD", gone, {}))).status).toBe(404);
  });
});
