import { describe, expect, it } from "vitest";
import { withBackupAccess } from "./start-backup";

describe("the backup access of npm start's processes", () => {
  const backup = { url: "postgresql://segel_backup:pw@127.0.0.1:1/segel", password: "pw", pgDataDir: "/d/postgres" };

  it("gives the backup role and the data directory to the worker's copy only", () => {
    const env = { DATABASE_URL: "app" } as Record<string, string | undefined>;
    const worker = withBackupAccess(env, backup);
    expect(worker).toMatchObject({ SEGEL_BACKUP_DATABASE_URL: backup.url, SEGEL_PG_DATA_DIR: "/d/postgres" });
    expect(env.SEGEL_BACKUP_DATABASE_URL).toBeUndefined();
    expect(env.SEGEL_PG_DATA_DIR).toBeUndefined();
    expect(env.SEGEL_BACKUP_ARCHIVING).toBe("1");
    expect(worker.SEGEL_BACKUP_ARCHIVING).toBe("1");
  });

  it("drops what the operator set under those names, and says nothing archives without access", () => {
    const env = {
      SEGEL_BACKUP_DATABASE_URL: "x",
      SEGEL_PG_DATA_DIR: "y",
      SEGEL_BACKUP_ARCHIVING: "1",
    } as Record<string, string | undefined>;
    const worker = withBackupAccess(env, undefined);
    for (const name of ["SEGEL_BACKUP_DATABASE_URL", "SEGEL_PG_DATA_DIR", "SEGEL_BACKUP_ARCHIVING"]) {
      expect(env[name]).toBeUndefined();
      expect(worker[name]).toBeUndefined();
    }
  });
});
