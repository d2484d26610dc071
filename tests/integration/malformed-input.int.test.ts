import { readdirSync } from "node:fs";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { requestScope as request } from "@/tests/setup/next-request-scope";
import { ROLES } from "@/modules/auth/domain";
import { z } from "zod";
import { decodeSignInFailure } from "@/modules/auth/sign-in-error";
import { schemaOf } from "@/server/action";
import { authOptions } from "@/server/auth/options";
import { db } from "@/server/db";
import { makeAgency, makePaket, makeUser, makeVendor } from "@/tests/factories";

// Next's request scope (headers, cookies, the locale, the cache) does not exist outside
// Next. These seams stand in for it and nothing else: the session cookie is a real
// next-auth JWT for a real UserSession row, messages are the real files, and every action
// and route runs through the real wrapper, schemas, use cases and PostgreSQL.
// Next's request scope stands in for the routes and actions (tests/setup/next-request-scope.ts).
vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const actionModules = import.meta.glob<Record<string, unknown>>("/src/**/*.actions.ts");
const routeModules = import.meta.glob<Record<string, unknown>>("/src/app/api/**/route.ts");

// The malformed values the issue found, and the kinds around them.
const HUGE = "x".repeat(1_000_000); // as large as an action body may be
const FIXED: unknown[] = [
  "nama\u0000perusahaan",
  "\uD800",
  "99999999999999999999",
  "9223372036854775808",
  "-1",
  "NaN",
  "",
  HUGE,
  -1,
  Number.NaN,
  2 ** 63,
  9223372036854775808n,
  null,
  true,
  {},
  [],
  ["a", "b"],
  "-".repeat(36),
  "00000000-0000-0000-0000-00000000000g",
];
const malformed = fc.oneof(
  fc.constantFrom(...FIXED),
  fc.string({ maxLength: 8 }).map((s) => `${s}\u0000${s}`),
  fc.bigInt({ min: 2n ** 63n, max: 2n ** 80n }).map(String),
  fc.integer({ max: -1 }).map(String),
);
const SAMPLES_PER_FIELD = 4;

/** Values no field may accept: unstorable text, a million-character text, NaN, and figures beyond a bigint where the field is a figure. */
function isNeverValid(value: unknown, spec: Record<string, unknown>): boolean {
  if (typeof value === "number") return Number.isNaN(value) || !Number.isSafeInteger(value);
  if (typeof value === "bigint") return value >= 2n ** 63n;
  if (typeof value !== "string") return false;
  if (/\u0000|[\uD800-\uDFFF]/.test(value) || value.length >= HUGE.length) return true;
  // an amount or a count (numbers, and rupiah: a union zod cannot describe as one type); a phone number may well be 20 digits
  const isFigure = spec.type === "integer" || spec.type === "number" || spec.type === undefined;
  return /^\d{19,}$/.test(value) && BigInt(value) >= 2n ** 63n && isFigure;
}

/** Every table's rows as one checksum each, and the stored files: "nothing written" means none of them moved. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    // a session's lastSeenAt moves on any request, by design; its rows are counted
    const row =
      name === "UserSession"
        ? "count(*)::text"
        : `count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))`;
    const [result] = await db.$queryRawUnsafe<{ v: string }[]>(`SELECT ${row} AS v FROM "${name}" t`);
    out[name] = result!.v;
  }
  // stored files (objects/) and uploads in flight (tmp/); keys and signed heads beside them may appear on first use
  const stored = readdirSync(process.env.SEGEL_FILE_STORE!, { recursive: true })
    .map(String)
    .filter((f) => /^(objects|tmp)\//.test(f));
  out.files = stored.sort().join(",");
  return out;
}

// Values a form would send, tried in turn until the schema accepts one for a field.
const TEXTS = [
  "Teks uji yang wajar untuk isian ini, cukup panjang agar lolos batas minimal.",
  "1.000.000",
  "2026-06-01",
  "2026-06-01T09:00",
  "uji@segel.test",
  "01.234.567.8-901.234",
  "1234567890123",
  "41011",
  "Jawa Barat",
  "021-555-1234",
  "50",
  "on",
  "true",
];

/** A value the schema accepts for one field (ids of real rows where the name says so), so a malformed one is tried among valid others. */
function plausibleBase(
  schema: z.ZodType,
  fields: Record<string, Record<string, unknown>>,
  known: Record<string, string>,
): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(fields)) {
    const item = (spec.items ?? {}) as Record<string, unknown>;
    const candidates: unknown[] = [
      ...(known[field] ? [known[field]] : []),
      ...(Array.isArray(spec.enum) ? spec.enum : []),
      ...(spec.format === "uuid" ? [crypto.randomUUID()] : []),
      ...(typeof spec.minimum === "number" ? [spec.minimum] : []),
      1,
      2026,
      true,
      ...TEXTS,
      ...(spec.type === "array" ? [[crypto.randomUUID()], [{}], TEXTS.slice(0, 1)] : []),
      ...(item.type === "object" ? [[{ description: TEXTS[0], unit: "unit", quantity: 1, unitPrice: "1.000" }]] : []),
    ];
    base[field] = candidates[0];
    for (const candidate of candidates) {
      base[field] = candidate;
      const parsed = schema.safeParse(base);
      if (parsed.success || !parsed.error.issues.some((issue) => issue.path[0] === field)) break;
    }
  }
  return base;
}

function fieldsOf(schema: z.ZodType): Record<string, Record<string, unknown>> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
  };
  return json.properties ?? {};
}

interface Setup {
  known: Record<string, string>;
}

/** One user who holds every role in one agency and belongs to a verified vendor: authorised for every action. */
async function signInEverywhere(): Promise<Setup> {
  const agency = await makeAgency();
  const vendor = await makeVendor({ status: "VERIFIED" });
  const user = await makeUser(
    ROLES.map((role) => ({
      role,
      agencyId: ["ADMIN_LPSE", "VERIFIKATOR", "AUDITOR", "PENYEDIA"].includes(role) ? null : agency.id,
    })),
    { vendorId: vendor.id },
  );
  const paket = await makePaket(agency, user.id);
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });
  const token = await encode({ token: { sub: user.id, sid: session.id }, secret: process.env.NEXTAUTH_SECRET! });
  request.locale = "id";
  request.headers = new Headers({
    cookie: `next-auth.session-token=${token}`,
    "user-agent": "vitest",
    "x-forwarded-for": "127.0.0.1",
  });
  return {
    known: { agencyId: agency.id, workUnitId: agency.workUnits[0]!.id, paketId: paket.id, vendorId: vendor.id },
  };
}

type Outcome = { ok: boolean; code?: string; message?: string };

function expectRefused(outcome: Outcome, what: string) {
  expect(outcome.ok, `${what} was accepted`).toBe(false);
  expect(outcome.code, `${what}: ${outcome.message}`).not.toBe("UNEXPECTED");
  expect(outcome.message, what).toBeTruthy();
}

describe("malformed input to every server action", () => {
  let setup: Setup;
  beforeEach(async () => {
    setup = await signInEverywhere();
  });

  it.each(Object.keys(actionModules))(
    "%s: refused with a message, never the unexpected-error path, writing nothing",
    async (path) => {
      const tried: string[] = [];
      {
        for (const [name, serverAction] of Object.entries(await actionModules[path]!())) {
          if (typeof serverAction !== "function") continue;
          const schema = schemaOf(serverAction);
          expect(schema, `${path} ${name} does not run through action()`).toBeDefined();
          const call = (input: unknown) => (serverAction as (raw: unknown) => Promise<Outcome>)(input);
          const fields = fieldsOf(schema!);
          const base = plausibleBase(schema!, fields, setup.known);
          if (Object.keys(fields).length === 0) {
            // takes no input (z.object({})): nothing to malform, and it may do its work whatever it is sent
            for (const whole of [null, "x\u0000", new Date(Number.NaN)])
              expect((await call(whole)).code, name).not.toBe("UNEXPECTED");
            tried.push(name);
            continue;
          }
          const before = await snapshot();
          const auditCount = () => db.auditEvent.count();
          let accepted = 0;
          // Every change records an audit event in its own transaction: a refusal that adds one wrote something.
          const refusedWithoutWriting = async (outcome: Outcome, what: string, events: number) => {
            expectRefused(outcome, what);
            expect(await auditCount(), `${what} wrote an audit event`).toBe(events);
          };
          for (const whole of [null, 42, "x\u0000", []])
            await refusedWithoutWriting(await call(whole), `${name}(${String(whole)})`, await auditCount());
          const form = new FormData();
          for (const field of Object.keys(fields)) form.append(field, "isian\u0000");
          await refusedWithoutWriting(await call(form), `${name}(FormData with NUL)`, await auditCount());

          for (const [field, spec] of Object.entries(fields)) {
            const run = await fc.check(
              fc.asyncProperty(malformed, fc.constantFrom<"id" | "en">("id", "en"), async (value, locale) => {
                request.locale = locale;
                const events = await auditCount();
                const what = `${name}.${field}=${String(value).slice(0, 40)}`;
                const outcome = await call({ ...base, [field]: value });
                if (outcome.ok) {
                  // a value may be valid for a loose field ("-1" as free text); these never are
                  expect(isNeverValid(value, spec), `${what} was accepted`).toBe(false);
                  accepted++;
                } else {
                  await refusedWithoutWriting(outcome, what, events);
                }
              }),
              {
                numRuns: SAMPLES_PER_FIELD,
                examples: [
                  [Number.NaN, "id"],
                  ["99999999999999999999", "en"],
                  ["a\u0000b", "id"],
                  [HUGE, "id"],
                ],
              },
            );
            // the failing value may be a million characters: report the failure, not the value
            expect(run.failed, run.failed ? String(run.errorInstance).slice(0, 600) : "").toBe(false);
          }
          // when every call was refused, not a row and not a file moved
          if (accepted === 0) expect(await snapshot(), `${path} ${name} wrote something`).toEqual(before);
          tried.push(name);
        }
      }
      expect(tried.length).toBeGreaterThan(0);
    },
  );

  it("covers every action module", () => {
    expect(Object.keys(actionModules).length).toBeGreaterThanOrEqual(21);
  });
});

describe("malformed input to every route handler", () => {
  beforeEach(async () => {
    await signInEverywhere();
  });

  const BAD_IDS = [
    "-".repeat(36),
    "0b6f8f5e-3c1a-4d2b-9e7f-1a2b3c4d5e6",
    "not-an-id",
    "%00",
    "' OR 1=1 --",
    "9".repeat(40),
  ];
  const BAD_NAMES = ["%E0%A4%A", "%ZZ", "%00.pdf", "%ED%A0%80.pdf", "a%"];
  const BAD_QUERIES = [
    "?first=99999999999999999999&second=-1",
    "?first=NaN&second=1e400",
    "?first=%00&second=2",
    "?first=1&second=9223372036854775808",
    "?page=-1",
  ];

  it("answers 4xx with a message and writes nothing", async () => {
    const before = await snapshot();
    const answers: [string, Response][] = [];
    for (const [path, load] of Object.entries(routeModules)) {
      if (path.includes("[...nextauth]")) continue; // next-auth: its credentials check is called below
      const route = await load();
      const segment = /\[(\w+)\]/.exec(path)?.[1];
      const url = (id = "") =>
        `http://localhost${path
          .replace("/src/app", "")
          .replace("/route.ts", "")
          .replace(/\[\w+\]/, id)}`;
      const get = route.GET as ((r: Request, c: unknown) => Promise<Response>) | undefined;
      for (const id of segment ? BAD_IDS : [""]) {
        const context = { params: Promise.resolve(segment ? { [segment]: id } : {}) };
        if (get && segment) answers.push([`GET ${url(id)}`, await get(new Request(url(id)), context)]);
      }
      // a route without an id may take figures from its query; one that takes none may answer 200
      for (const query of segment ? [] : BAD_QUERIES) {
        if (!get) continue;
        const response = await get(new Request(`${url()}${query}`), { params: Promise.resolve({}) });
        if (response.ok) continue;
        answers.push([`GET ${url()}${query}`, response]);
      }
      if (typeof route.POST === "function") {
        const post = route.POST as (r: Request) => Promise<Response>;
        const targets = [
          "",
          "?paketId=--------&kind=KAK",
          "?kind=%00",
          "?tenderId=99999999999999999999&part=HARGA",
          `?paketId=${crypto.randomUUID()}&kind=KAK`,
        ];
        for (const query of targets) {
          for (const name of BAD_NAMES) {
            const body = new Blob(["%PDF-1.4 uji"]);
            answers.push([
              `POST ${url()}${query} X-File-Name=${name}`,
              await post(new Request(`${url()}${query}`, { method: "POST", body, headers: { "X-File-Name": name } })),
            ]);
          }
        }
      }
    }
    expect(answers.length).toBeGreaterThan(20);
    for (const [what, response] of answers) {
      expect(response.status, what).toBeGreaterThanOrEqual(400);
      expect(response.status, what).toBeLessThan(500);
      expect((await response.json()).message, what).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a malformed X-File-Name on /api/documents for a real paket with a message (it was a 500)", async () => {
    const { POST } = await import("@/app/api/documents/route");
    const paket = await db.paket.findFirstOrThrow({ select: { id: true } });
    const before = await snapshot();
    for (const name of BAD_NAMES) {
      const response = await POST(
        new Request(`http://localhost/api/documents?paketId=${paket.id}&kind=KAK`, {
          method: "POST",
          body: new Blob(["%PDF-1.4 uji"]),
          headers: { "X-File-Name": name },
        }),
      );
      expect(response.status, name).toBe(422);
      expect((await response.json()).message, name).toMatch(/Nama berkas tidak valid/);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("malformed sign-in (next-auth's credentials route)", () => {
  it("is a validation refusal, not an unexpected error, and writes nothing", async () => {
    const authorize = (
      authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } }
    ).options.authorize;
    const before = await snapshot();
    for (const credentials of [
      { email: "a\u0000@uji.test", password: "Rahasia#Uji2026" },
      { email: "uji@segel.test", password: "kata\u0000sandi" },
      { email: "\uD800@uji.test", password: "x" },
    ]) {
      const failure = await authorize(credentials, { headers: {} }).then(
        () => null,
        (error: Error) => decodeSignInFailure(error.message),
      );
      expect(failure?.code, JSON.stringify(credentials)).toBe("VALIDATION");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the paket form's words", () => {
  it("are the product's own, in Indonesian and English, not the validation library's", async () => {
    const { known } = await signInEverywhere();
    const { createPaketAction } = await import("@/modules/paket/paket.actions");
    const input = {
      rupCode: "",
      name: "ab",
      category: "BARANG",
      fiscalYear: "dua ribu",
      fundingSource: "APBD",
      pagu: "1.000.000",
      location: "Kota Uji",
      workUnitId: known.workUnitId,
      items: [{ description: "Semen", unit: "sak", quantity: "abc", unitPrice: "1.000" }],
    };
    const indonesian = (await createPaketAction(input)) as { fieldErrors?: Record<string, string[]> };
    expect(indonesian.fieldErrors).toMatchObject({
      rupCode: ["Wajib diisi."],
      name: ["Sekurang-kurangnya 3 karakter."],
      fiscalYear: ["Isi dengan angka."],
      "items.0.quantity": ["Isi dengan angka."],
    });
    request.locale = "en";
    const en = (await createPaketAction(input)) as { fieldErrors?: Record<string, string[]> };
    expect(en.fieldErrors).toMatchObject({
      rupCode: ["Required."],
      name: ["At least 3 characters."],
      "items.0.quantity": ["Enter a number."],
    });
  });
});
