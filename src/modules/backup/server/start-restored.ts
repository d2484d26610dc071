import "server-only";
import { createServer } from "node:net";
import { startEmbeddedPostgres } from "@/cli/embedded-db.mjs";
import { RestoreError } from "./restore-cluster";

/**
 * Starts PostgreSQL on a restored data directory: it replays the archived WAL up to the
 * target and promotes, and only then says it accepts connections. When it exits during
 * recovery instead (the target was not reached, a WAL file is missing or damaged), the
 * error carries PostgreSQL's own lines saying why.
 */
export interface RestoredServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const KEEP_LINES = 60;

// embedded-db.mjs is plain JavaScript: its options as this file uses them
const startServer = startEmbeddedPostgres as unknown as (options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
  archiveDir?: string;
  archiveTimeoutSeconds?: number;
}) => Promise<{ url: (database: string) => string; stop: () => Promise<void> }>;

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The lines that say why PostgreSQL stopped: its FATAL/PANIC/ERROR lines and what led to them. */
export function explainExit(lines: string[]): string {
  const telling = lines.filter((l) => /FATAL|PANIC|ERROR|could not|recovery|missing|invalid/i.test(l));
  return (telling.length > 0 ? telling.slice(-8) : lines.slice(-8)).join("\n");
}

export async function startRestored(options: {
  dir: string;
  port: number;
  /** archive to `archiveDir` after the promotion (a real restore); never for a drill */
  archive: boolean;
  archiveDir?: string;
  archiveTimeoutSeconds?: number;
}): Promise<RestoredServer> {
  if (options.archive && !options.archiveDir)
    throw new RestoreError("archiving a restored cluster needs its archive folder");
  // a server already answering there would be reused by startEmbeddedPostgres: never verify the wrong cluster
  if (!(await isPortFree(options.port)))
    throw new RestoreError(`port ${options.port} is taken: the restored cluster needs a free port`);
  const lines: string[] = [];
  const log = (text: string) => {
    for (const line of text.split("\n")) if (line.trim()) lines.push(line.trimEnd());
    lines.splice(0, Math.max(0, lines.length - KEEP_LINES));
  };
  try {
    const server = await startServer({
      dataDir: options.dir,
      port: options.port,
      log,
      ...(options.archive
        ? { archiveDir: options.archiveDir, archiveTimeoutSeconds: options.archiveTimeoutSeconds ?? 60 }
        : {}),
    });
    return { url: server.url, stop: server.stop };
  } catch (error) {
    const why = lines.length > 0 ? explainExit(lines) : (error as Error).message;
    throw new RestoreError(`PostgreSQL stopped while recovering ${options.dir}:\n${why}`);
  }
}

export { freePort } from "@/cli/embedded-db.mjs";
