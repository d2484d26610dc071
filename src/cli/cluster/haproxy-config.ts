// Renders deploy/haproxy/haproxy.cfg.template for one machine's web instances.
import { readFileSync } from "node:fs";
import path from "node:path";

export const TEMPLATE = path.resolve(import.meta.dirname, "../../../deploy/haproxy/haproxy.cfg.template");

export interface WebServer {
  name: string;
  port: number;
}

export interface HaproxySettings {
  /** where clients connect, e.g. "127.0.0.1:3000" or ":3000" */
  bind: string;
  /** the runtime API's Unix socket */
  socket: string;
  /** what the health check asks each instance for */
  healthPath: string;
  servers: WebServer[];
}

export const HEALTH_PATH = "/api/health";

export function renderHaproxyConfig(settings: HaproxySettings, template = readFileSync(TEMPLATE, "utf8")): string {
  if (!settings.servers.length) throw new Error("haproxy needs at least one web instance");
  const servers = settings.servers.map((s) => `    server ${s.name} 127.0.0.1:${s.port}`).join("\n");
  const values: Record<string, string> = {
    BIND: settings.bind,
    SOCKET: settings.socket,
    HEALTH_PATH: settings.healthPath,
    SERVERS: servers,
  };
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (marker, name: string) => {
    if (!(name in values)) throw new Error(`haproxy template: unknown marker ${marker}`);
    return values[name]!;
  });
  return rendered;
}
