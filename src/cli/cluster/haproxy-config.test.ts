import { describe, expect, it } from "vitest";
import { renderHaproxyConfig } from "./haproxy-config";

const settings = {
  bind: "127.0.0.1:3000",
  socket: "/run/segel/haproxy.sock",
  healthPath: "/api/health",
  servers: [
    { name: "web1", port: 3001 },
    { name: "web2", port: 3002 },
  ],
};

describe("renderHaproxyConfig", () => {
  it("puts every web instance behind the health check, least connections first", () => {
    const config = renderHaproxyConfig(settings);
    expect(config).toContain("    server web1 127.0.0.1:3001\n    server web2 127.0.0.1:3002");
    expect(config).toContain("bind 127.0.0.1:3000");
    expect(config).toContain("option httpchk GET /api/health");
    expect(config).toContain("balance leastconn");
    expect(config).toContain("stats socket /run/segel/haproxy.sock mode 600 level admin");
    expect(config).not.toMatch(/\{\{/);
  });

  it("retries a request that reached an instance only when its method is idempotent", () => {
    const config = renderHaproxyConfig(settings);
    expect(config).toContain("retry-on conn-failure empty-response response-timeout");
    expect(config).toContain("http-request disable-l7-retry unless { method GET HEAD OPTIONS }");
  });

  it("refuses a template marker it does not know and a cluster without instances", () => {
    expect(() => renderHaproxyConfig(settings, "bind {{BIND}} {{PORTS}}")).toThrow("unknown marker {{PORTS}}");
    expect(() => renderHaproxyConfig({ ...settings, servers: [] })).toThrow("at least one web instance");
  });
});
