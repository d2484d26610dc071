import "server-only";
import { open, readFile, stat } from "node:fs/promises";
import { treeHeadsPath } from "@/server/key-paths";
import { parseTreeHead, toTreeHeadJson, type SignedTreeHead } from "../domain/tree-head";

/**
 * The signed tree heads, one JSON line each, appended beside the instance key: outside
 * the database, so whoever rewrites the database cannot rewrite the heads it must match.
 * Back it up with the key; copies published by others serve the same purpose. In cluster
 * mode SEGEL_AUDIT_HEADS_FILE must name it on storage every worker shares: appends are
 * serialised by the sequencer's PostgreSQL lock (docs/decisions/0017).
 */
export { treeHeadsPath };

export async function appendTreeHeadToFile(head: SignedTreeHead): Promise<void> {
  const handle = await open(/*turbopackIgnore: true*/ treeHeadsPath(), "a", 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(toTreeHeadJson(head))}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface HeadsFile {
  heads: SignedTreeHead[];
  /** 1-based numbers of lines that are not a well-formed head */
  malformedLines: number[];
}

/** Every head in the file (another copy of it when `file` is given), oldest first. An absent file is an empty log's file. */
export async function readTreeHeadsFile(file: string = treeHeadsPath()): Promise<HeadsFile> {
  let text: string;
  try {
    text = await readFile(/*turbopackIgnore: true*/ file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { heads: [], malformedLines: [] };
    throw error;
  }
  const heads: SignedTreeHead[] = [];
  const malformedLines: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let head: SignedTreeHead | null = null;
    try {
      head = parseTreeHead(JSON.parse(line));
    } catch {
      head = null;
    }
    if (head) heads.push(head);
    else malformedLines.push(i + 1);
  });
  return { heads, malformedLines };
}

const TAIL_BYTES = 4096;

/** The newest head, read from the end of the file: the file only grows. */
export async function readLatestTreeHead(): Promise<SignedTreeHead | null> {
  const file = treeHeadsPath();
  let size: number;
  try {
    size = (await stat(/*turbopackIgnore: true*/ file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const handle = await open(/*turbopackIgnore: true*/ file, "r");
  try {
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer
      .toString("utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    try {
      return parseTreeHead(JSON.parse(lines[lines.length - 1] ?? "null"));
    } catch {
      return null;
    }
  } finally {
    await handle.close();
  }
}
