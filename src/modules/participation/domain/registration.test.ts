import { describe, expect, it } from "vitest";
import { registrationRefusal } from "./registration";

const deadline = new Date("2026-07-01T08:00:00.000Z");
const at = (ms: number) => new Date(deadline.getTime() + ms);

describe("registrationRefusal", () => {
  it.each([
    ["PUBLISHED", at(-1), null],
    ["PUBLISHED", at(0), "tenderRegistrationClosed"],
    ["PUBLISHED", at(1), "tenderRegistrationClosed"],
    ["DRAFT", at(-1000), "tenderNotPublic"],
    ["EVALUATION", at(-1000), "tenderNotOpenForRegistration"],
    ["FAILED", at(-1000), "tenderNotOpenForRegistration"],
    ["CANCELLED", at(-1000), "tenderNotOpenForRegistration"],
  ] as const)("%s at deadline%+dms", (status, now, refusal) => {
    expect(registrationRefusal(status, deadline, now)).toBe(refusal);
  });

  it("refuses everyone on a penunjukan langsung, whose one vendor is invited, yet hides a draft", () => {
    expect(registrationRefusal("PUBLISHED", deadline, at(-1000), "PENUNJUKAN_LANGSUNG")).toBe("tenderByInvitationOnly");
    expect(registrationRefusal("DRAFT", deadline, at(-1000), "PENUNJUKAN_LANGSUNG")).toBe("tenderNotPublic");
  });

  it("refuses a published tender without an upload stage: no deadline, nothing to register for", () => {
    expect(registrationRefusal("PUBLISHED", null, deadline)).toBe("tenderRegistrationClosed");
  });
});
