// The drill's load, loopback only and bounded: autocannon on public pages, and vendors
// signing in (a write: a session row and its audit event) and opening their profile.
// Every answer is counted in the phase it arrived in.
import autocannon from "autocannon";
import { setTimeout as delay } from "node:timers/promises";

export interface Tally {
  requests: number;
  failed: number;
  byStatus: Record<string, number>;
}

const tally = (): Tally => ({ requests: 0, failed: 0, byStatus: {} });

export class PhaseCounter {
  phase = "start";
  readonly phases = new Map<string, { pages: Tally; vendorWrites: Tally }>();

  enter(phase: string) {
    this.phase = phase;
  }

  count(kind: "pages" | "vendorWrites", outcome: string, ok: boolean) {
    if (!this.phases.has(this.phase)) this.phases.set(this.phase, { pages: tally(), vendorWrites: tally() });
    const t = this.phases.get(this.phase)![kind];
    t.requests++;
    if (!ok) t.failed++;
    t.byStatus[outcome] = (t.byStatus[outcome] ?? 0) + 1;
  }
}

/** Public pages at `connections` connections until stopped (at most `maxSeconds`). */
export function loadPublicPages(
  baseUrl: string,
  paths: string[],
  connections: number,
  maxSeconds: number,
  counter: PhaseCounter,
) {
  const instances = paths.map((path) => {
    // with a callback autocannon returns the running instance, whose events count each answer
    const instance = autocannon({ url: `${baseUrl}${path}`, connections, duration: maxSeconds, timeout: 30 }, () => {});
    instance.on("response", (_client: unknown, status: number) => counter.count("pages", String(status), status < 400));
    instance.on("reqError", (error: Error) =>
      counter.count("pages", (error as NodeJS.ErrnoException).code ?? error.message, false),
    );
    return instance;
  });
  return {
    stop: async () => {
      const done = instances.map((i) => new Promise((resolve) => i.on("done", resolve)));
      instances.forEach((i) => i.stop());
      await Promise.all(done);
    },
  };
}

function cookiesOf(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** One vendor signs in through next-auth and opens its profile page. */
async function vendorVisit(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  if (!csrf.ok) return `csrf ${csrf.status}`;
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    signal: AbortSignal.timeout(30_000),
  });
  cookiesOf(signIn, jar);
  await signIn.arrayBuffer();
  if (![200, 302].includes(signIn.status) || ![...jar.keys()].some((k) => k.endsWith("session-token")))
    return `sign-in ${signIn.status}`;
  const page = await fetch(`${baseUrl}/penyedia/profil`, {
    headers: { cookie: cookieHeader(jar) },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  // read to the end: an answer cut off when an instance leaves counts as a failure
  await page.arrayBuffer();
  return page.status === 200 ? "200" : `profile ${page.status}`;
}

/** Vendors signing in one after another, `everyMs` apart, until stopped. */
export function loadVendorWrites(
  baseUrl: string,
  emails: string[],
  password: string,
  everyMs: number,
  counter: PhaseCounter,
) {
  let isStopped = false;
  const loop = (async () => {
    for (let i = 0; !isStopped; i++) {
      const outcome = await vendorVisit(baseUrl, emails[i % emails.length]!, password).catch(
        (e: Error) => (e.cause as NodeJS.ErrnoException)?.code ?? e.name,
      );
      counter.count("vendorWrites", outcome, outcome === "200");
      await delay(everyMs);
    }
  })();
  return {
    stop: async () => {
      isStopped = true;
      await loop;
    },
  };
}
