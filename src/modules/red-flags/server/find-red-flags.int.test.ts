import { describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/red-flags/route";
import type { RedFlagCode } from "@/generated/prisma/enums";
import { makeAgency, makePaket, makeTender, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { requestScope } from "@/tests/setup/next-request-scope";
import { formatCursor, parseRedFlagFilter } from "../red-flags.schemas";
import { countRedFlags, findRedFlags } from "./find-red-flags";

vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);

/** A tender of the agency carrying the given flags, raised at `raisedAt`. */
async function flaggedTender(agency: { id: string }, codes: RedFlagCode[], raisedAt: Date, fiscalYear = 2026) {
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const tender = await makeTender(await makePaket(agency as Awaited<ReturnType<typeof makeAgency>>, ppk.id));
  for (const code of codes)
    await db.tenderRedFlag.create({
      data: { tenderId: tender.id, code, agencyId: agency.id, fiscalYear, detail: { bids: 1 }, raisedAt },
    });
  return tender;
}
const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const filter = (query: string) => {
  const parsed = parseRedFlagFilter(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.fields.join());
  return parsed.filter;
};
const get = (query: string) => exportRoute(new Request(`http://localhost/api/red-flags?${query}`));

describe("the public list and export of red flags", () => {
  it("filters by flag, agency and year, counts per flag, and pages newest first without a gap or repeat", async () => {
    const a = await makeAgency();
    const b = await makeAgency();
    const t1 = await flaggedTender(a, ["SINGLE_BID", "CANCELLED"], day(1));
    const t2 = await flaggedTender(a, ["SINGLE_BID"], day(2), 2025);
    const t3 = await flaggedTender(b, ["SINGLE_BID"], day(3));

    const all = await findRedFlags({});
    expect(all.rows.map((r) => r.tender.code)).toEqual([t3.code, t2.code, t1.code, t1.code]);
    expect((await findRedFlags(filter(`agency=${a.id}&code=SINGLE_BID`))).rows.map((r) => r.tender.code)).toEqual([
      t2.code,
      t1.code,
    ]);
    expect((await findRedFlags(filter("year=2025"))).rows.map((r) => r.tender.code)).toEqual([t2.code]);
    expect((await findRedFlags(filter("code=CANCELLED"))).rows.map((r) => r.tender.code)).toEqual([t1.code]);

    const counts = await countRedFlags({ agency: a.id });
    expect(counts.get("SINGLE_BID")).toBe(2);
    expect(counts.get("CANCELLED")).toBe(1);
    expect((await countRedFlags({})).get("SINGLE_BID")).toBe(3);

    // two a page: the second page continues below the first, the last says so
    const first = await findRedFlags({}, 2);
    expect(first.olderThan).not.toBeNull();
    const second = await findRedFlags(filter(`before=${formatCursor(first.olderThan!)}`), 2);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    expect(second.olderThan).toBeNull();
  });

  it("exports JSON with the flag's title, detail, raisedAt and sources, and CSV", async () => {
    const a = await makeAgency();
    const t = await flaggedTender(a, ["SINGLE_BID"], day(5));
    const response = await get(`code=SINGLE_BID&agency=${a.id}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { redFlags: Record<string, unknown>[]; links: { next: string | null } };
    expect(body.links.next).toBeNull();
    expect(body.redFlags).toHaveLength(1);
    expect(body.redFlags[0]).toMatchObject({
      ocid: null,
      tenderCode: t.code,
      code: "SINGLE_BID",
      title: "Penawaran tunggal",
      detail: { bids: 1 },
      raisedAt: day(5).toISOString(),
      buyer: { id: a.id },
      fiscalYear: 2026,
    });
    expect((body.redFlags[0]!.sources as unknown[]).length).toBeGreaterThan(0);

    const csv = await get(`agency=${a.id}&format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"${t.code}","SINGLE_BID"`);
  });

  it.each([
    ["code=NOT_A_FLAG", "code"],
    ["agency=123", "agency"],
    ["year=26", "year"],
    ["year=1999", "year"],
    ["before=xyz", "before"],
    ["format=xml", "format"],
    ["code=%00", "code"],
  ])("answers %s with 400 naming the field, never a 500", async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string; fieldErrors: Record<string, string[]> };
    expect(body.code).toBe("VALIDATION");
    expect(Object.keys(body.fieldErrors)).toEqual([field]);
    expect(body.message.length).toBeGreaterThan(10);
  });

  it("says it in English to a reader who chose English", async () => {
    requestScope.locale = "en";
    try {
      const body = (await (await get("year=26")).json()) as { message: string };
      expect(body.message).toBe("The fiscal year must be four digits from 2000 to 2100.");
    } finally {
      requestScope.locale = "id";
    }
  });
});
