import { describe, expect, it } from "vitest";
import { makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { countUnread } from "./count-unread";
import { findNotifications } from "./find-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { notify } from "./notify";

describe("the inbox", () => {
  it("lists only the user's own messages, newest first, and marks them read", async () => {
    const [me, other] = [await makeUser(), await makeUser()];
    for (const title of ["Pertama", "Kedua"]) {
      await db.$transaction((tx) => notify(tx, { userIds: [me.id, other.id], kind: "test", title, body: "Isi." }));
    }
    expect(await countUnread({ userId: me.id })).toBe(2);
    const { items } = await findNotifications({ userId: me.id });
    expect(items.map((n) => n.title)).toEqual(["Kedua", "Pertama"]);

    const theirs = (await findNotifications({ userId: other.id })).items[0]!.id;
    expect(await markNotificationsRead({ userId: me.id }, [items[0]!.id, theirs])).toBe(1);
    expect(await countUnread({ userId: me.id })).toBe(1);
    expect(await countUnread({ userId: other.id })).toBe(2);
    expect(await markNotificationsRead({ userId: me.id })).toBe(1);
    expect(await countUnread({ userId: me.id })).toBe(0);
  });

  it("sends nothing to a disabled account", async () => {
    const disabled = await makeUser([], { isDisabled: true });
    expect(
      await db.$transaction((tx) => notify(tx, { userIds: [disabled.id], kind: "test", title: "x", body: "y" })),
    ).toBe(0);
    expect(await db.emailOutbox.count()).toBe(0);
  });
});
