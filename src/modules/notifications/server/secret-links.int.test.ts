import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendPendingEmails } from "./send-pending-emails";
import { queueEmail } from "./queue-email";

const TOKEN = "q3Jx0mXn4b8V2cT7yKpL9sW1dF6hZ5aR0eU3iO8gN2k";

describe("one-use links in the outbox without SMTP", () => {
  it("are redacted when the mail is marked for the viewer, so no one reads a live link there", async () => {
    const to = `tanpa-smtp-${Date.now()}@pu.go.id`;
    await db.$transaction((tx) =>
      queueEmail(tx, { to, subject: "Atur ulang", text: `Buka: http://localhost:3000/atur-ulang-kata-sandi/${TOKEN}` }),
    );
    const result = await sendPendingEmails({ smtpUrl: null });
    expect(result.mode).toBe("viewer");
    const stored = await db.emailOutbox.findFirstOrThrow({ where: { to } });
    expect(stored.status).toBe("SENT");
    expect(stored.text).not.toContain(TOKEN);
    expect(stored.text).toContain("/atur-ulang-kata-sandi/[tautan-rahasia-disembunyikan]");
  });
});
