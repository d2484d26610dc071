import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { clusterSettingProblems } from "@/server/cluster-settings";

/**
 * Nothing here runs Docker, so docker-compose.yml is checked as data: the topology of
 * docs/decisions/0017, every setting an app service is given is one the app reads, and
 * haproxy gets the cluster's own template with every marker filled in.
 */
const root = path.resolve(import.meta.dirname, "../..");
type Service = {
  image?: string;
  build?: string;
  command?: string[] | string;
  environment?: Record<string, string>;
  volumes?: string[];
  secrets?: string[];
  env_file?: string;
};
const compose = parse(readFileSync(path.join(root, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
};
const app = Object.entries(compose.services).filter(([, s]) => s.image === "segel");

/** Every setting name the application's code reads: SEGEL_*, and the few standard ones. */
function settingsTheAppReads(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) visit(file);
      else if (/\.(ts|tsx|mjs)$/.test(entry) && !/\.test\.ts$/.test(entry)) {
        for (const m of readFileSync(file, "utf8").matchAll(
          /\b(SEGEL_[A-Z0-9_]+|DATABASE_URL|NEXTAUTH_[A-Z_]+|NODE_ENV|PORT)\b/g,
        ))
          names.add(m[1]!);
      }
    }
  };
  visit(path.join(root, "src"));
  return names;
}

describe("docker-compose.yml", () => {
  it("has the cluster's topology: haproxy, two web instances, two workers, migrations, PostgreSQL and an object store", () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      "haproxy",
      "migrate",
      "minio",
      "minio-bucket",
      "postgres",
      "web1",
      "web2",
      "worker1",
      "worker2",
    ]);
    const commandOf = (name: string) => ([] as string[]).concat(compose.services[name]!.command ?? []).join(" ");
    for (const web of ["web1", "web2"]) expect(commandOf(web)).toContain("src/cli/serve.ts");
    for (const worker of ["worker1", "worker2"]) expect(commandOf(worker)).toContain("src/cli/worker.ts");
    expect(commandOf("migrate")).toBe("npx prisma migrate deploy");
  });

  it("gives every app service cluster mode, the same shared keys and settings, and only settings the app reads", () => {
    const known = settingsTheAppReads();
    expect(app.map(([name]) => name).sort()).toEqual(["migrate", "web1", "web2", "worker1", "worker2"]);
    for (const [name, service] of app) {
      for (const setting of Object.keys(service.environment ?? {}))
        expect(known, `${name}: ${setting}`).toContain(setting);
    }
    const instances = app.filter(([name]) => name !== "migrate");
    const shared = ({ PORT: _port, ...env }: Record<string, string>) => env;
    for (const [, service] of instances) {
      expect(shared(service.environment!)).toEqual(shared(instances[0]![1].environment!));
      expect(service.secrets).toEqual(["instance_key", "at_rest_key"]);
      expect(service.env_file).toBe("deploy/keys/nextauth.env");
      // all that cluster mode asks for is there; only the key files are the operator's to make
      const problems = clusterSettingProblems({ ...service.environment, NEXTAUTH_SECRET: "from env_file" });
      expect(problems.filter((p) => !p.includes("does not exist"))).toEqual([]);
    }
    const env = instances[0]![1].environment!;
    expect(env).toMatchObject({
      SEGEL_CLUSTER: "1",
      SEGEL_OBJECT_STORE: "s3",
      SEGEL_INSTANCE_KEY_FILE: "/run/secrets/instance_key",
      SEGEL_AT_REST_KEY_FILE: "/run/secrets/at_rest_key",
    });
    expect(Object.values(compose.secrets).map((s) => s.file)).toEqual([
      "deploy/keys/instance-ed25519.pem",
      "deploy/keys/at-rest.key",
    ]);
    expect(readFileSync(path.join(root, ".gitignore"), "utf8")).toContain("/deploy/keys/");
  });

  it("renders the cluster's haproxy template with every marker filled and a server for each web instance", () => {
    const haproxy = compose.services.haproxy!;
    const mount = haproxy.volumes!.find((v) => v.includes("haproxy.cfg.template"))!;
    const [source, target] = mount.split(":");
    expect(path.resolve(root, source!)).toBe(path.join(root, "deploy/haproxy/haproxy.cfg.template"));
    const dir = mkdtempSync(path.join(os.tmpdir(), "segel-compose-"));
    try {
      // the container's own command, run here with its paths moved into a temporary folder
      const script = ([] as string[])
        .concat(haproxy.command!)
        .join(" ")
        .replaceAll(target!, path.join(root, source!))
        .replaceAll("/tmp/haproxy", path.join(dir, "haproxy"))
        .replace(/&& exec haproxy.*$/, "");
      execFileSync("/bin/sh", ["-c", script]);
      const config = readFileSync(path.join(dir, "haproxy.cfg"), "utf8");
      expect(config).not.toMatch(/\{\{/);
      expect(config).toContain("    server web1 web1:3000\n    server web2 web2:3000");
      expect(config).toContain("bind :3000");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
