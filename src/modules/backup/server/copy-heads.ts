import "server-only";
import { readFile } from "node:fs/promises";
import { treeHeadsPath } from "@/server/key-paths";
import { writeFileDurably } from "./durable-file";

/**
 * Copies the audit log's signed tree heads (public, signed data: no secret) beside the sets,
 * and returns the newest head, which the manifest records so a drill knows how far the
 * restored log must match. No heads file yet (a new install): null, and no copy.
 */
export async function copyHeadsFile(target: string): Promise<{ treeSize: string; rootHash: string } | null> {
  let text: string;
  try {
    text = await readFile(treeHeadsPath(), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  // the file only grows by whole lines; a torn last line (a crash mid-append) is left out
  const lines = text.split("\n");
  const whole = lines.slice(0, -1).join("\n") + (lines.length > 1 ? "\n" : "");
  await writeFileDurably(target, whole);
  for (const line of lines.slice(0, -1).reverse()) {
    try {
      const head = JSON.parse(line) as { treeSize?: unknown; rootHash?: unknown };
      if (typeof head.treeSize === "string" && typeof head.rootHash === "string")
        return { treeSize: head.treeSize, rootHash: head.rootHash };
    } catch {
      // a malformed line: the drill's own reading of the heads names it
    }
  }
  return null;
}
