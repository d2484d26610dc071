import { describe, expect, it } from "vitest";
import { makeAgency, makeScheduledTender } from "@/tests/factories";
import { db } from "@/server/db";
import { findTenderFilterOptions } from "./find-tender-filter-options";

describe("findTenderFilterOptions", () => {
  it("offers only years and agencies that have a tender the public list shows: no draft, cancelled draft or penunjukan langsung", async () => {
    const shown = await makeAgency({ name: "Kabupaten Jayawijaya" });
    const hidden = await makeAgency({ name: "Kabupaten Draf" });
    await makeScheduledTender({ agency: shown, paket: { fiscalYear: 2025 } });
    await makeScheduledTender({ agency: shown, paket: { fiscalYear: 2026 } });
    await makeScheduledTender({ agency: hidden, status: "DRAFT", paket: { fiscalYear: 2024 } });
    // a draft cancelled before it was announced, and a penunjukan langsung (listed as non-tender)
    const cancelled = await makeScheduledTender({ agency: hidden, status: "DRAFT", paket: { fiscalYear: 2023 } });
    await db.tender.update({
      where: { id: cancelled.tender.id },
      data: { status: "CANCELLED", cancelledAt: cancelled.now, endReason: "Kebutuhan berubah sebelum diumumkan." },
    });
    await makeScheduledTender({ agency: hidden, method: "PENUNJUKAN_LANGSUNG", paket: { fiscalYear: 2022 } });
    const options = await findTenderFilterOptions();
    expect(options.fiscalYears).toEqual([2026, 2025]);
    expect(options.agencies).toEqual([{ id: shown.id, name: "Kabupaten Jayawijaya" }]);
  });
});
