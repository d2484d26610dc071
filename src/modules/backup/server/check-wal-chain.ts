import "server-only";
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { walDir } from "../domain/layout";

/**
 * The WAL archive must hold every segment from a set's first one (manifest.database
 * .startWalFile) to the newest archived one, each whole: a gap or a damaged file stops a
 * restore there, silently losing everything after it. A segment name is 24 hex digits,
 * timeline (8) + log id (8) + segment (8); with 16 MiB segments a log id holds 256 of them
 * (0x00 to 0xFF), then the log id goes up by one and the segment starts again at 0.
 */
export const WAL_SEGMENT_BYTES = 16 * 1024 * 1024; // initdb's default, which the embedded cluster keeps
const SEGMENTS_PER_LOG = 0x1_0000_0000 / WAL_SEGMENT_BYTES;
const SEGMENT_NAME = /^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})$/;

export interface WalChainReport {
  ok: boolean;
  /** segments checked, and their compressed bytes */
  segments: number;
  bytes: number;
  first: string;
  last: string | null;
  /** in plain words: the first missing, truncated or corrupt segment */
  problem: string | null;
}

function parse(name: string): { timeline: number; index: number } | null {
  const m = SEGMENT_NAME.exec(name);
  if (!m) return null;
  return { timeline: parseInt(m[1]!, 16), index: parseInt(m[2]!, 16) * SEGMENTS_PER_LOG + parseInt(m[3]!, 16) };
}

export function segmentName(timeline: number, index: number): string {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, "0");
  return hex(timeline) + hex(Math.floor(index / SEGMENTS_PER_LOG)) + hex(index % SEGMENTS_PER_LOG);
}

/** The next segment's name on the same timeline: ...000000FF is followed by the next log id's ...00000000. */
export function nextSegmentName(name: string): string {
  const at = parse(name);
  if (!at) throw new Error(`not a WAL segment name: ${name}`);
  return segmentName(at.timeline, at.index + 1);
}

/** Decompressed size of a .gz file; throws on a bad CRC, a cut-off stream or bad data. */
async function gunzippedSize(file: string): Promise<number> {
  let size = 0;
  const gunzip = createReadStream(file).pipe(createGunzip());
  for await (const chunk of gunzip) size += (chunk as Buffer).length;
  return size;
}

/**
 * Checks the archived segments on `startWalFile`'s timeline from it to the newest one
 * archived there. A later timeline (after an earlier restore) is not followed: the drill
 * restores the set's own restore point, which lies on the set's timeline.
 */
export async function checkWalChain(backupRoot: string, startWalFile: string): Promise<WalChainReport> {
  const start = parse(startWalFile);
  if (!start) throw new Error(`not a WAL segment name: ${startWalFile}`);
  const dir = walDir(backupRoot);
  const names = new Set(
    (await readdir(dir).catch(() => [] as string[]))
      .filter((n) => n.endsWith(".gz"))
      .map((n) => n.slice(0, -3))
      .filter((n) => parse(n)?.timeline === start.timeline),
  );
  const newest = [...names].sort().pop();
  const report: WalChainReport = { ok: false, segments: 0, bytes: 0, first: startWalFile, last: null, problem: null };
  if (!newest || parse(newest)!.index < start.index) {
    report.problem = `WAL segment ${startWalFile} is missing from the archive (${dir})`;
    return report;
  }
  for (let index = start.index; index <= parse(newest)!.index; index++) {
    const name = segmentName(start.timeline, index);
    if (!names.has(name)) {
      report.problem = `WAL segment ${name} is missing from the archive (the chain breaks after ${report.last ?? "the set's start"})`;
      return report;
    }
    const file = path.join(dir, `${name}.gz`);
    let size: number;
    try {
      size = await gunzippedSize(file);
    } catch (error) {
      report.problem = `WAL segment ${name} is damaged (truncated or corrupt gzip): ${(error as Error).message}`;
      return report;
    }
    if (size !== WAL_SEGMENT_BYTES) {
      report.problem = `WAL segment ${name} is truncated: ${size} bytes, a segment is ${WAL_SEGMENT_BYTES}`;
      return report;
    }
    report.segments += 1;
    report.bytes += (await stat(file)).size;
    report.last = name;
  }
  report.ok = true;
  return report;
}
