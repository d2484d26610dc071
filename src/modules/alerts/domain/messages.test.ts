import { describe, expect, it } from "vitest";
import { DIGEST_LIST_MAX, digestMessage, matchMessage } from "./messages";

const tender = (i: number) => ({ code: `T${i}`, name: `Paket ${i}`, hps: i % 2 ? 1_500_000n : null });

describe("alert messages", () => {
  it("a match names the search and the tender, links the announcement, gives the HPS when there is one", () => {
    const m = matchMessage("Konstruksi", tender(1));
    expect(m).toMatchObject({
      kind: "savedSearch.match",
      title: 'Tender baru sesuai "Konstruksi": T1',
      link: "/tender/T1",
    });
    expect(m.body).toContain("• T1: Paket 1 (HPS Rp1.500.000)");
    expect(matchMessage("K", tender(2)).body).toContain("• T2: Paket 2");
    expect(matchMessage("K", tender(2)).body).not.toContain("HPS");
  });

  it(`a digest lists up to ${DIGEST_LIST_MAX} tenders and counts the rest`, () => {
    const all = Array.from({ length: DIGEST_LIST_MAX + 3 }, (_, i) => tender(i));
    const d = digestMessage("Harian", all);
    expect(d.title).toBe(`Ringkasan harian "Harian": ${DIGEST_LIST_MAX + 3} tender baru`);
    expect(d.body).toContain(`T${DIGEST_LIST_MAX - 1}:`);
    expect(d.body).not.toContain(`T${DIGEST_LIST_MAX}:`);
    expect(d.body).toContain("… dan 3 tender lainnya.");
    expect(digestMessage("Harian", all.slice(0, 2)).body).not.toContain("lainnya");
  });
});
