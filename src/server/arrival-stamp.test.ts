import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ARRIVAL_HEADER, readArrivalMark, stampArrival } from "./arrival-stamp";

const request = (headers: Record<string, string> = {}) => ({ headers: { ...headers } }) as unknown as IncomingMessage;

describe("the arrival stamp", () => {
  it("marks the request with this process's clock, and the app reads the mark back", () => {
    const req = request();
    stampArrival(req, 1234.5);
    expect(readArrivalMark(req.headers[ARRIVAL_HEADER] as string, 2000)).toBe(1234.5);
  });

  it("replaces whatever the client sent under that name", () => {
    const req = request({ [ARRIVAL_HEADER]: "0.001.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    stampArrival(req, 5000);
    expect(readArrivalMark(req.headers[ARRIVAL_HEADER] as string, 6000)).toBe(5000);
  });

  it.each([
    ["a mark with a guessed MAC", `1.000.${createHmac("sha256", "guess").update("1.000").digest("base64url")}`],
    ["a bare time", "1.000"],
    ["an ISO date", "2026-12-07T01:00:00.000Z"],
    ["nothing", ""],
  ])("ignores %s (a client talking to Next without serve.ts in front)", (_name, value) => {
    stampArrival(request(), 1); // the process has its key
    expect(readArrivalMark(value, 10_000)).toBeNull();
  });

  it("ignores a mark from the future: it is not this process's past", () => {
    const req = request();
    stampArrival(req, 9000);
    expect(readArrivalMark(req.headers[ARRIVAL_HEADER] as string, 8000)).toBeNull();
  });
});
