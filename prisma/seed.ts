// Demo data for a new Segel: one LPSE, three agencies in three time zones, a user for
// every role, five verified vendors and a dozen paket at different stages.
// Runs on every `npm start`; it does nothing when the demo LPSE is already there.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client";
import type { StageKind } from "../src/generated/prisma/enums";
import { hashPassword } from "../src/modules/auth/server/password";
import { recordAuditEvent } from "../src/modules/audit/server/record-audit-event";
import { AGENCIES, DEMO_OPENING_PASSPHRASE, DEMO_PASSWORD, LPSE, USERS, VENDORS } from "./seed/demo-people";
import { createPersonalKey } from "../src/modules/bids/domain/personal-key";
import { createOpeningKey } from "../src/modules/bids/server/keys/create-opening-key";
import { PAKETS } from "./seed/demo-procurement";
import { seedReferenceData } from "./seed/reference-data";
import { decideMethod } from "../src/modules/paket/domain/method-rules";
import { procedureFor } from "../src/modules/tenders/domain/procedure";

const DAY = 86_400_000;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedReferenceData(db);
    if (await db.lpseInstance.findUnique({ where: { code: LPSE.code } })) {
      console.log("Demo data already present; nothing seeded.");
      return;
    }
    // Hash outside the transaction: argon2id is deliberately slow.
    const hashes = await Promise.all(USERS.map(() => hashPassword(DEMO_PASSWORD)));
    // Demo Pokja members have set their opening passphrase, so demo tenders take bids.
    const pokjaEmails = USERS.filter((u) => u.roles.some((r) => r.role === "POKJA")).map((u) => u.email);
    const openingKeys = await Promise.all(pokjaEmails.map(() => createPersonalKey(DEMO_OPENING_PASSPHRASE)));
    await db.$transaction(
      async (tx) => {
        const [clock] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('hour', segel_now()) AS now`;
        const now = clock!.now;
        const lpse = await tx.lpseInstance.create({ data: LPSE });
        const agencyIds = new Map<string, string>();
        const workUnitIds = new Map<string, string>();
        for (const a of AGENCIES) {
          const agency = await tx.agency.create({
            data: {
              lpseId: lpse.id,
              code: a.code,
              name: a.name,
              kind: a.kind,
              timeZone: a.timeZone,
              workUnits: { create: [...a.workUnits] },
            },
            include: { workUnits: true },
          });
          agencyIds.set(a.code, agency.id);
          for (const w of agency.workUnits) workUnitIds.set(w.code, w.id);
        }
        const vendorIds = new Map<string, string>();
        for (const v of VENDORS) {
          const vendor = await tx.vendor.create({
            data: { ...v, kbli: [...v.kbli], status: "VERIFIED", verifiedAt: new Date(now.getTime() - 30 * DAY) },
          });
          vendorIds.set(v.npwp, vendor.id);
        }
        const userIds = new Map<string, string>();
        for (const [i, u] of USERS.entries()) {
          const user = await tx.user.create({
            data: {
              email: u.email,
              name: u.name,
              nip: u.nip,
              passwordHash: hashes[i]!,
              vendorId: u.vendorNpwp ? vendorIds.get(u.vendorNpwp) : undefined,
              memberships: {
                create: u.roles.map((r) => ({ role: r.role, agencyId: r.agency ? agencyIds.get(r.agency) : null })),
              },
            },
          });
          userIds.set(u.email, user.id);
        }
        for (const [i, email] of pokjaEmails.entries()) {
          await tx.userOpeningKey.create({ data: { userId: userIds.get(email)!, ...openingKeys[i]! } });
        }
        const rules = await tx.methodRule.findMany();
        const procedures = await tx.procedureConfig.findMany();
        const pokjaIds = new Map<string, string>();
        for (const a of AGENCIES) {
          const members = USERS.filter((u) => u.roles.some((r) => r.role === "POKJA" && r.agency === a.code));
          const pokja = await tx.pokja.create({
            data: {
              agencyId: agencyIds.get(a.code)!,
              name: `Pokja Pemilihan 1 - ${a.name}`,
              members: { create: members.map((m, i) => ({ userId: userIds.get(m.email)!, isLeader: i === 0 })) },
            },
          });
          pokjaIds.set(a.code, pokja.id);
        }
        for (const p of PAKETS) {
          const ppk = USERS.find((u) => u.roles.some((r) => r.role === "PPK" && r.agency === p.agency))!;
          const decision = decideMethod(rules, { category: p.category, value: p.hps, on: now });
          if (decision?.method !== p.method && p.method !== "TENDER_CEPAT")
            throw new Error(`demo paket ${p.name}: rules say ${decision?.method}`);
          const paket = await tx.paket.create({
            data: {
              agencyId: agencyIds.get(p.agency)!,
              workUnitId: workUnitIds.get(p.workUnit)!,
              rupCode: p.rupCode,
              name: p.name,
              category: p.category,
              fiscalYear: 2026,
              fundingSource: p.fundingSource,
              pagu: p.pagu,
              hps: p.hps,
              method: p.method,
              methodRuleId: rules.find(
                (r) =>
                  r.category === p.category && r.effectiveFrom.getTime() === decision!.rule.effectiveFrom.getTime(),
              )!.id,
              location: p.location,
              status: !p.tender ? "HANDED_OVER" : p.tender.status === "DRAFT" ? "HANDED_OVER" : "IN_SELECTION",
              createdById: userIds.get(ppk.email)!,
              hpsItems: {
                create: [
                  {
                    position: 1,
                    description: `Pekerjaan utama: ${p.name}`,
                    unit: "paket",
                    quantity: 1,
                    unitPrice: p.hps,
                  },
                ],
              },
            },
          });
          if (!p.tender) continue;
          const procedure = procedureFor(procedures, p.method, p.category)!;
          let start = now.getTime() - p.tender.startedDaysAgo * DAY;
          // Running tenders start as PUBLISHED; the worker's first pass moves them on by
          // time. A demo AWARDED tender has no bids to name a winner from, and PostgreSQL
          // refuses AWARDED without one (migration 20261208100000), so it runs like them.
          const status =
            p.tender.status === "EVALUATION" || p.tender.status === "AWARDED" ? "PUBLISHED" : p.tender.status;
          const isRunning = status === "PUBLISHED";
          const tender = await tx.tender.create({
            data: {
              paketId: paket.id,
              code: p.tender.code,
              method: p.method,
              status,
              evaluationMethod: p.category === "JASA_KONSULTANSI" ? "SISTEM_NILAI" : "HARGA_TERENDAH",
              technicalWeight: p.category === "JASA_KONSULTANSI" ? 80 : null,
              priceWeight: p.category === "JASA_KONSULTANSI" ? 20 : null,
              pokjaId: pokjaIds.get(p.agency)!,
              procedureId: procedure.id,
              qualification:
                "Memiliki NIB dan izin usaha sesuai KBLI; pengalaman sejenis dalam 4 tahun terakhir; tidak masuk daftar hitam.",
              // the schedule worker works out the current stage on its first pass
              nextCheckAt: isRunning ? now : null,
              publishedAt: status === "DRAFT" ? null : new Date(start),
              endReason: p.tender.endReason,
              // a failed demo tender failed for want of bids, a day ago (its endReason says so)
              ...(status === "FAILED"
                ? { failedAt: new Date(now.getTime() - DAY), failureKind: "NO_BIDS" as const }
                : {}),
              stages: {
                create: (procedure.stages as { kind: StageKind; days: number }[]).map((s, position) => {
                  const stage = {
                    kind: s.kind,
                    position,
                    startsAt: new Date(start),
                    endsAt: new Date(start + s.days * DAY),
                  };
                  start += s.days * DAY;
                  return stage;
                }),
              },
            },
          });
          if (p.tender.status !== "DRAFT") await createOpeningKey(tx, tender.id);
        }
        await recordAuditEvent(tx, {
          actor: null,
          action: "seed.demoData",
          entityType: "LpseInstance",
          entityId: lpse.id,
          data: { agencies: AGENCIES.length, users: USERS.length, vendors: VENDORS.length, pakets: PAKETS.length },
        });
      },
      { timeout: 60_000 },
    );
    console.log(
      `Demo data seeded: ${AGENCIES.length} agencies, ${USERS.length} users, ${VENDORS.length} vendors, ${PAKETS.length} paket.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
