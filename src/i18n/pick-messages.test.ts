import { describe, expect, it } from "vitest";
import { pickMessages } from "./pick-messages";

const catalogue = {
  common: { locale: { label: "Bahasa", id: "Indonesia" }, tagline: "Portal", error: { title: "Galat" } },
  bids: { part: { title: "Bagian" }, upload: { send: "Unggah" } },
  errors: { required: "Wajib diisi." },
};

describe("pickMessages", () => {
  it("keeps only the named subtrees, nested as in the catalogue", () => {
    expect(pickMessages(catalogue, ["common.locale", "common.error", "bids.part"])).toEqual({
      common: { locale: { label: "Bahasa", id: "Indonesia" }, error: { title: "Galat" } },
      bids: { part: { title: "Bagian" } },
    });
  });

  it("takes a whole namespace, a single message, and skips a key that names nothing", () => {
    expect(pickMessages(catalogue, ["errors", "common.tagline", "common.nothing", "nowhere.at.all"])).toEqual({
      errors: { required: "Wajib diisi." },
      common: { tagline: "Portal" },
    });
  });

  it("ships nothing for no keys", () => expect(pickMessages(catalogue, [])).toEqual({}));
});
