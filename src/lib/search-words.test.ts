import { describe, expect, it } from "vitest";
import { TYPO_MIN_LETTERS, typoTsquery, typoWords } from "./search-words";

describe("typoWords", () => {
  it("lets words of five letters or more have a typo and keeps shorter ones exact", () => {
    expect(TYPO_MIN_LETTERS).toBe(5);
    expect(typoWords("pembanguan jalan di desa")).toEqual({
      tolerant: ["pembanguan", "jalan"],
      exact: ["di", "desa"],
    });
  });

  it("counts letters, not bytes, at the boundary", () => {
    expect(typoWords("kafé")).toBeNull();
    expect(typoWords("kafés")).toEqual({ tolerant: ["kafés"], exact: [] });
    expect(typoWords("rsud")).toBeNull();
  });

  it("finds a number or a code only as typed", () => {
    expect(typoWords("Paket 12345")).toBeNull();
    expect(typoWords("T00012345")).toBeNull();
  });

  it("has nothing to do for punctuation alone", () => {
    expect(typoWords("  -- % ")).toBeNull();
    expect(typoWords("")).toBeNull();
  });

  it("splits on anything that is not a letter or digit", () => {
    expect(typoWords("jalan-desa/kecamatan")).toEqual({ tolerant: ["jalan", "kecamatan"], exact: ["desa"] });
  });
});

describe("typoTsquery", () => {
  const words = { tolerant: ["pembanguan", "jalan"], exact: ["di"] };

  it("finds each longer word by its near spellings and the short ones as typed", () => {
    const near = new Map([
      ["pembanguan", ["pembangunan"]],
      ["jalan", ["jalan", "jalanan"]],
    ]);
    expect(typoTsquery(words, near)).toBe("('pembangunan') & ('jalan' | 'jalanan') & 'di'");
  });

  it("adds nothing when every word is only itself, or one has no spelling stored at all", () => {
    expect(
      typoTsquery(
        words,
        new Map([
          ["pembanguan", ["pembanguan"]],
          ["jalan", ["jalan"]],
        ]),
      ),
    ).toBeNull();
    expect(
      typoTsquery(
        words,
        new Map([
          ["pembanguan", ["pembangunan"]],
          ["jalan", []],
        ]),
      ),
    ).toBeNull();
    expect(typoTsquery(words, new Map([["jalan", ["jalan"]]]))).toBeNull();
  });
});
