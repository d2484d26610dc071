import { describe, expect, it } from "vitest";
import { BackupArgsError, parseBackupArgs, parseRestoreTime } from "./backup-args";

describe("parseBackupArgs", () => {
  it("reads each command", () => {
    expect(parseBackupArgs(["list"])).toEqual({ command: "list" });
    expect(parseBackupArgs(["drill", "--set", "20261207T010000Z"])).toEqual({
      command: "drill",
      setId: "20261207T010000Z",
    });
    expect(parseBackupArgs(["restore", "--to", "2026-12-07 10:15", "--into", "/tmp/r"])).toMatchObject({
      command: "restore",
      at: new Date("2026-12-07T03:15:00Z"),
      into: "/tmp/r",
      replace: false,
    });
    expect(parseBackupArgs(["verify", "--url", "postgresql://u@h/db", "--files", "/b/files"])).toMatchObject({
      command: "verify",
      files: "/b/files",
    });
  });

  it("takes an ISO time with its offset, or a wall time in the zone", () => {
    expect(parseRestoreTime("2026-12-07T10:15:00+07:00", "Asia/Jayapura")).toEqual(new Date("2026-12-07T03:15:00Z"));
    expect(parseRestoreTime("2026-12-07 10:15", "Asia/Jayapura")).toEqual(new Date("2026-12-07T01:15:00Z"));
  });

  it.each([
    [[], /Which backup command/],
    [["backup"], /Unknown backup command/],
    [["restore", "--to", "yesterday"], /--to yesterday/],
    [["restore", "--to"], /--to needs a value/],
    [["restore", "--force-stop"], /only goes with --replace/],
    [["restore", "--replace", "--into", "/x"], /leave out --into/],
    [["restore", "--zone", "Mars/Olympus"], /not an IANA time zone/],
    [["drill", "--set", "latest"], /a set id looks like/],
    [["verify", "--url", "postgresql://x"], /needs --url and --files/],
    [["verify", "--url", "mysql://x", "--files", "/f"], /postgresql:\/\/ URL/],
    [["list", "--all"], /Unknown argument: --all/],
  ])("refuses %j", (args, message) => {
    expect(() => parseBackupArgs(args as string[])).toThrow(BackupArgsError);
    expect(() => parseBackupArgs(args as string[])).toThrow(message);
  });
});
