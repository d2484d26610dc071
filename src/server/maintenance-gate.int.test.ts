import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetMaintenanceState } from "@/modules/availability";
import { endMaintenanceAction } from "@/modules/availability/maintenance.actions";
import { signIn as signInWithPassword } from "@/modules/auth/server/sign-in";
import { create, signIn, stagedFiles } from "@/modules/bids/testing/tus-requests";
import { newStagingKey } from "@/modules/bids/upload-protocol";
import { markReadAction } from "@/modules/notifications/notifications.actions";
import { makeBidder, makeSealedBidTender, makeUser, PDF_BYTES, TEST_PASSWORD } from "@/tests/factories";
import { requestScope } from "@/tests/setup/next-request-scope";
import { db, dbNow } from "./db";

// Next's request scope stands in for the actions and routes (tests/setup/next-request-scope.ts).
vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const H = 3_600_000;

/** A window that started an hour ago by the database clock: the portal is in it now. */
async function runningWindow() {
  const now = (await dbNow()).getTime();
  const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
  const window = await db.maintenanceWindow.create({
    data: {
      startsAt: new Date(now - H),
      endsAt: new Date(now + 2 * H),
      description: "Pemutakhiran server basis data.",
      createdById: admin.id,
      createdAt: new Date(now - 30 * H),
    },
  });
  // the gate keeps the running window a few seconds per process: a test reads it afresh
  forgetMaintenanceState();
  return { window, admin };
}

beforeEach(() => {
  requestScope.locale = "id";
  forgetMaintenanceState();
});

describe("the maintenance gate", () => {
  it("refuses a server action with the window's end in the message and writes nothing", async () => {
    const user = await makeUser([{ role: "PENYEDIA" }]);
    const note = await db.notification.create({ data: { userId: user.id, kind: "x", title: "Judul", body: "Isi" } });
    await signIn(user);
    await runningWindow();

    const refused = await markReadAction({ ids: [note.id] });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(!refused.ok && refused.message).toMatch(/^Portal sedang dalam pemeliharaan sampai .+ WIB: hanya baca\./);
    expect((await db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();

    requestScope.locale = "en";
    const inEnglish = await markReadAction({ ids: [note.id] });
    expect(!inEnglish.ok && inEnglish.message).toMatch(/^The portal is under maintenance until .+: read only\./);

    // after the window is ended early, the same action goes through
    forgetMaintenanceState();
    await db.maintenanceWindow.updateMany({ data: { endedAt: await dbNow() } });
    forgetMaintenanceState();
    expect(await markReadAction({ ids: [note.id] })).toMatchObject({ ok: true, data: { count: 1 } });
  });

  it("refuses a bid upload (tus POST) and a document upload with 503, Retry-After and the message, storing nothing", async () => {
    const { tender } = await makeSealedBidTender();
    const { user } = await makeBidder(tender.id);
    await signIn(user);
    await runningWindow();

    const response = await create(tender.id, 1000, newStagingKey());
    expect(response.status).toBe(503);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(H / 1000);
    expect(retryAfter).toBeLessThanOrEqual((2 * H) / 1000 + 1);
    expect(await response.json()).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Portal sedang dalam pemeliharaan sampai/),
    });
    expect(stagedFiles()).toEqual([]);
    expect(await db.bidFile.count()).toBe(0);

    // a document upload is a write route too
    const documents = await import("@/app/api/documents/route");
    const upload = await documents.POST(
      new Request(`http://127.0.0.1:3000/api/documents?tenderId=${tender.id}&kind=ADENDUM`, {
        method: "POST",
        headers: { "x-file-name": "adendum.pdf" },
        body: PDF_BYTES,
      }),
    );
    expect(upload.status).toBe(503);
    expect(upload.headers.get("retry-after")).toBeTruthy();
    expect(await db.document.count()).toBe(0);
  });

  it("lets signing in, reads and the administrator's own maintenance action through", async () => {
    const user = await makeUser([{ role: "PENYEDIA" }]);
    const { window, admin } = await runningWindow();

    const session = await signInWithPassword({
      email: user.email,
      password: TEST_PASSWORD,
      ip: "127.0.0.1",
      userAgent: "vitest",
    });
    expect(session.userId).toBe(user.id);

    await signIn(user);
    const me = await import("@/app/api/me/route");
    const read = await me.GET();
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ account: { name: user.name } });

    await signIn(admin);
    expect(await endMaintenanceAction({ maintenanceId: window.id })).toMatchObject({ ok: true });
    expect((await db.maintenanceWindow.findUniqueOrThrow({ where: { id: window.id } })).endedAt).not.toBeNull();
  });
});
