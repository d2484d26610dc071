import { describe, expect, it } from "vitest";
import { parseSegelArgs } from "./segel-args";

describe("parseSegelArgs", () => {
  it("reads admin create with separate and joined values", () => {
    expect(
      parseSegelArgs([
        "admin",
        "create",
        "--email",
        "a@lpse.go.id",
        "--name=Siti Aminah",
        "--nip",
        "1985",
        "--password-stdin",
      ]),
    ).toEqual({
      command: "admin create",
      email: "a@lpse.go.id",
      name: "Siti Aminah",
      nip: "1985",
      passwordStdin: true,
    });
  });

  it("leaves missing values for the prompt", () => {
    expect(parseSegelArgs(["admin", "create"])).toEqual({ command: "admin create", passwordStdin: false });
  });

  it("shows help for nothing, help, --help and -h", () => {
    for (const argv of [[], ["help"], ["--help"], ["-h"]]) expect(parseSegelArgs(argv)).toEqual({ command: "help" });
  });

  it("refuses unknown commands and options", () => {
    expect(parseSegelArgs(["admin", "delete"])).toMatchObject({
      command: "error",
      message: "Unknown command: admin delete",
    });
    expect(parseSegelArgs(["backup"])).toMatchObject({ command: "error", message: "Unknown command: backup" });
    expect(parseSegelArgs(["admin", "create", "--role", "AUDITOR"])).toMatchObject({
      command: "error",
      message: "Unknown option: --role",
    });
    expect(parseSegelArgs(["admin", "create", "stray"])).toMatchObject({ command: "error" });
  });

  it("refuses a flag without its value, or given twice", () => {
    expect(parseSegelArgs(["admin", "create", "--email"])).toMatchObject({ message: "--email needs a value" });
    expect(parseSegelArgs(["admin", "create", "--email", "--name", "x"])).toMatchObject({
      message: "--email needs a value",
    });
    expect(parseSegelArgs(["admin", "create", "--nip=1", "--nip=2"])).toMatchObject({
      message: "--nip is given twice",
    });
  });

  it("never takes a password as a flag (shell history, ps)", () => {
    for (const flag of [["--password", "rahasia"], ["--password=rahasia"]])
      expect(parseSegelArgs(["admin", "create", ...flag])).toMatchObject({ command: "error" });
  });

  it("keeps an empty joined value for the use case to refuse", () => {
    expect(parseSegelArgs(["admin", "create", "--name="])).toMatchObject({ name: "" });
  });
});
