import { checkHealth, healthHttpStatus } from "@/modules/availability/server/check-health";

// The load balancer's health check (deploy/haproxy/haproxy.cfg.template, the cluster tier,
// scripts/upgrade-drill): 503 only while THIS instance cannot serve (draining after SIGTERM,
// docs/decisions/0018; its database or file store failing); 200 "degraded" when the worker or
// the backup is stale, so a stale worker never takes every web server out of the pool.
// `?strict=1` answers 503 on degraded too, for monitoring systems (docs/decisions/0040).
export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  const strict = ["1", "true"].includes(new URL(request.url).searchParams.get("strict") ?? "");
  const report = await checkHealth();
  return Response.json(report, { status: healthHttpStatus(report.status, strict), headers });
}
