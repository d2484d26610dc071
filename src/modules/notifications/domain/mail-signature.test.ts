import { describe, expect, it } from "vitest";
import { signMail } from "./mail-signature";

const lpse = {
  name: "LPSE Kabupaten Contoh",
  address: "Jl. Merdeka No. 1\nContoh 12345",
  contactEmail: "lpse@contoh.go.id",
  phone: "(021) 555-0100",
  website: "https://lpse.contoh.go.id",
};

describe("signMail", () => {
  it("puts the LPSE under the separator, above the line already there", () => {
    expect(signMail("Isi.\n\n--\nPesan otomatis. Jangan membalas surel ini.", lpse)).toBe(
      "Isi.\n\n--\nLPSE Kabupaten Contoh\nJl. Merdeka No. 1, Contoh 12345\nTelp. (021) 555-0100 · lpse@contoh.go.id · https://lpse.contoh.go.id\nPesan otomatis. Jangan membalas surel ini.",
    );
  });

  it("adds a separator to a mail without one, and leaves out what the profile lacks", () => {
    expect(signMail("Isi.\n", { name: "LPSE X", address: null, contactEmail: null, phone: null, website: null })).toBe(
      "Isi.\n\n--\nLPSE X",
    );
  });

  it("uses the last separator: a '--' quoted in the body stays where it is", () => {
    const signed = signMail("a\n--\nb\n\n--\nfooter", {
      ...lpse,
      address: null,
      phone: null,
      contactEmail: null,
      website: null,
    });
    expect(signed).toBe("a\n--\nb\n\n--\nLPSE Kabupaten Contoh\nfooter");
  });
});
