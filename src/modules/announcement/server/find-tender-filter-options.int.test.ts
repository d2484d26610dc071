import { describe, expect, it } from "vitest";
import { makeAgency, makeScheduledTender } from "../../../../tests/factories";
import { findTenderFilterOptions } from "./find-tender-filter-options";

describe("findTenderFilterOptions", () => {
  it("offers only years and agencies that have a public tender", async () => {
    const shown = await makeAgency({ name: "Kabupaten Jayawijaya" });
    const hidden = await makeAgency({ name: "Kabupaten Draf" });
    await makeScheduledTender({ agency: shown, paket: { fiscalYear: 2025 } });
    await makeScheduledTender({ agency: shown, paket: { fiscalYear: 2026 } });
    await makeScheduledTender({ agency: hidden, status: "DRAFT", paket: { fiscalYear: 2024 } });
    const options = await findTenderFilterOptions();
    expect(options.fiscalYears).toEqual([2026, 2025]);
    expect(options.agencies).toEqual([{ id: shown.id, name: "Kabupaten Jayawijaya" }]);
  });
});
