// The e2e server's backups (tests/e2e/serve.ts): its PostgreSQL archives into a temp backup
// directory, and, since start.ts gives the backup role only to the worker of an embedded
// PostgreSQL it started itself (never to one of DATABASE_URL's), this second worker gets it here,
// as start.ts would: the backup role's URL and the data directory. Its first tick takes a base
// set and drills it (admin-backups.spec.ts). The two workers share the job's lock.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Starts the backup worker once the portal answers (migrations and the seed are done by then). */
export function startBackupWorkerWhenUp(options: {
  root: string;
  url: string;
  env: NodeJS.ProcessEnv;
  onStart: (worker: ChildProcess) => void;
  isStopping: () => boolean;
}) {
  const deadline = Date.now() + 20 * 60_000;
  const look = async () => {
    if (options.isStopping()) return;
    const up = await fetch(options.url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (!up) {
      if (Date.now() < deadline) setTimeout(() => void look(), 2000);
      return;
    }
    const worker = spawn(
      path.join(options.root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "src/cli/worker.ts"],
      { cwd: options.root, stdio: "inherit", env: options.env },
    );
    options.onStart(worker);
  };
  void look();
}
