import { describe, expect, it } from "vitest";
import { stagesFrom } from "./reopening";

describe("stagesFrom", () => {
  it("reopens the chosen stage and every later one, pembuktian last; earlier stages stand", () => {
    expect(stagesFrom("ADMINISTRASI")).toEqual(["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA", "PEMBUKTIAN"]);
    expect(stagesFrom("TEKNIS")).toEqual(["TEKNIS", "HARGA", "PEMBUKTIAN"]);
    expect(stagesFrom("PEMBUKTIAN")).toEqual(["PEMBUKTIAN"]);
  });
});
