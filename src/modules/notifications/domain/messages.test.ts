import { describe, expect, it } from "vitest";
import { addendumLink, deadlineReminderMessage, questionAnsweredMessage, scheduleChangedMessage } from "./messages";

const tender = { id: "t-1", code: "10012026001", name: "Rehabilitasi Bendung", timeZone: "Asia/Makassar" };

describe("notification texts", () => {
  it("shows times in the agency's zone with its label", () => {
    const deadline = new Date("2026-11-26T07:00:00Z");
    expect(deadlineReminderMessage(tender, deadline).body).toContain("26 Nov 2026 15.00 WITA");
    const changed = scheduleChangedMessage(
      tender,
      "Upload Penawaran",
      new Date("2026-11-20T01:00:00Z"),
      deadline,
      "Gangguan server",
    );
    expect(changed).toMatchObject({ kind: "tender.scheduleChanged", link: "/tender/10012026001" });
    expect(changed.body).toContain("20 Nov 2026 09.00 WITA sampai 26 Nov 2026 15.00 WITA");
  });

  it("tells a new answer from an edited one and clips very long questions", () => {
    expect(questionAnsweredMessage(tender, "q", "a", false).kind).toBe("question.answered");
    const edited = questionAnsweredMessage(tender, "x".repeat(1000), "a", true);
    expect(edited.kind).toBe("question.answerEdited");
    expect(edited.body).toContain(`${"x".repeat(599)}…`);
  });

  it("links each addendum by its document", () => {
    expect(addendumLink("t-1", "d-9")).toBe("/penyedia/tender/t-1/penjelasan#adendum-d-9");
  });
});
