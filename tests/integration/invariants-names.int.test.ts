import { describe, expect, it } from "vitest";
import { makeAgency, makePokja, makeVendor } from "@/tests/factories";
import { check, refusal, WRITERS } from "./invariant-sql";

// The names the public reads, on the announcement and as OCDS parties (decision 0041), are never
// blank for any writer (migration 20261212500000_names_not_empty).
describe("names the public reads", () => {
  it("refuses a blank agency, work unit, Pokja or vendor name and accepts a real one", async () => {
    const agency = await makeAgency();
    const pokja = await makePokja(agency, []);
    const vendor = await makeVendor();
    const rows: [string, string, string][] = [
      ["Agency", agency.id, "Agency_name_check"],
      ["WorkUnit", agency.workUnits[0]!.id, "WorkUnit_name_check"],
      ["Pokja", pokja.id, "Pokja_name_check"],
      ["Vendor", vendor.id, "Vendor_name_check"],
    ];
    for (const [table, id, constraint] of rows)
      for (const writer of WRITERS) {
        for (const blank of ["", "   ", "\t\n"])
          expect(
            await refusal(writer, `UPDATE "${table}" SET name = $1 WHERE id = $2`, [blank, id]),
            `${writer} ${table} ${JSON.stringify(blank)}`,
          ).toEqual(check(constraint));
        expect(await refusal(writer, `UPDATE "${table}" SET name = $1 WHERE id = $2`, ["Nama Baru", id])).toBeNull();
      }
  });
});
