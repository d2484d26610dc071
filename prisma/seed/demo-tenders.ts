import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/modules/auth/domain/permissions";
import { decideWinnerProposal } from "../../src/modules/award/server/approve-winner";
import { announceWinner } from "../../src/modules/award/server/announce-winner";
import { proposeWinner } from "../../src/modules/award/server/propose-winner";
import { SUBMIT_GRACE_MS } from "../../src/modules/bids/domain/bid-rules";
import { approveOpening } from "../../src/modules/bids/server/opening/approve-opening";
import { submitBid } from "../../src/modules/bids/server/submit-bid";
import { uploadBidFile } from "../../src/modules/bids/server/upload-bid-file";
import { uploadDocument } from "../../src/modules/documents/server/upload-document";
import { EVALUATION_STAGES } from "../../src/modules/evaluation/domain/evaluation-rules";
import { rankTenderBids } from "../../src/modules/evaluation/server/rank-bids";
import { recordEvaluation } from "../../src/modules/evaluation/server/record-evaluation";
import { recordPembuktian } from "../../src/modules/evaluation/server/record-pembuktian";
import { handOverPaket } from "../../src/modules/handover/server/hand-over-paket";
import { createPaket } from "../../src/modules/paket/server/create-paket";
import { registerForTender } from "../../src/modules/participation/server/register-for-tender";
import { runScheduleTick } from "../../src/modules/schedule/server/run-schedule-tick";
import { issueSppbj } from "../../src/modules/sppbj/server/issue-sppbj";
import { requiredBidParts } from "../../src/modules/tenders/domain/bid-parts";
import { bidSecurityRequirement } from "../../src/modules/tenders/domain/bid-security";
import { buildDefaultSchedule } from "../../src/modules/tenders/domain/schedule";
import { publishTender } from "../../src/modules/tenders/server/publish-tender";
import { setTenderSchedule } from "../../src/modules/tenders/server/set-tender-schedule";
import { procedureStages } from "../../src/modules/tenders/server/tender-stages";
import { updateTenderRequirements } from "../../src/modules/tenders/server/update-tender-requirements";
import { updateTenderSetup } from "../../src/modules/tenders/server/update-tender-setup";
import { actorOf, demoPdf } from "./demo-actors";
import { seedActiveContract } from "./demo-contract";
import { choicesFor, walkPrakualifikasi } from "./demo-qualification";
import type { DemoOrganisation } from "./demo-organisation";
import { DEMO_OPENING_PASSPHRASE, USERS } from "./demo-people";
import { PAKETS, type DemoPaket } from "./demo-procurement";
import { setClock } from "./seed-clock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const QUALIFICATION =
  "Memiliki NIB dan izin usaha sesuai KBLI; pengalaman sejenis dalam 4 tahun terakhir; tidak masuk daftar hitam.";

type Tender = NonNullable<DemoPaket["tender"]>;

/**
 * Every demo paket, from the PPK's RUP entry to where its story stops, through the same
 * use cases a person would use, each at the time it would have happened: the seed's
 * clock (seed-clock.ts) is moved to that time first, and the schedule worker's tick runs
 * there, so the stages, stamps and audit events agree with one another.
 */
export async function seedTenders(db: PrismaClient, org: DemoOrganisation, now: Date): Promise<void> {
  const walk = new Walk(db);
  for (const p of PAKETS) {
    const started = performance.now();
    const ppk = await actorOf(db, personOf(p, "PPK"));
    // the PPK prepares the paket a few days before the announcement (a draft today at the latest)
    const startsAt = p.tender ? now.getTime() - p.tender.startedDaysAgo * DAY : now.getTime();
    await walk.to(new Date(Math.min(startsAt - 3 * DAY, now.getTime() - DAY)));
    const paket = await createPaket(ppk, {
      rupCode: p.rupCode,
      name: p.name,
      category: p.category,
      fiscalYear: 2026,
      fundingSource: p.fundingSource,
      pagu: p.pagu,
      location: p.location,
      workUnitId: org.workUnitIds.get(p.workUnit)!,
      items: [{ description: `Pekerjaan utama: ${p.name}`, unit: "paket", quantity: 1, unitPrice: p.hps }],
    });
    if (paket.method !== p.method) throw new Error(`demo paket ${p.name}: the rules say ${paket.method}`);
    await uploadDocument(ppk, {
      target: { paketId: paket.id },
      kind: "KAK",
      fileName: `KAK ${p.name}.pdf`,
      body: Readable.from([demoPdf(`Kerangka Acuan Kerja: ${p.name}`)]),
    });
    if (!p.tender) {
      const pejabat = await actorOf(db, personOf(p, "PEJABAT_PENGADAAN"));
      await handOverPaket(ppk, { paketId: paket.id, pejabatPengadaanId: pejabat.userId });
      progress(p, "pengadaan langsung", started);
      continue;
    }
    const handed = await handOverPaket(ppk, { paketId: paket.id, pokjaId: org.pokjaIds.get(p.agency)! });
    if (handed.tender?.code !== p.tender.code)
      throw new Error(`demo tender ${p.name}: handed over as ${handed.tender?.code}, expected ${p.tender.code}`);
    await runTender(walk, p, p.tender, handed.tender.id, new Date(startsAt));
    if (p.tender.contract)
      await seedActiveContract(db, handed.tender.id, personOf(p, "PPK"), p.tender.bids![0]!.email, now);
    progress(p, `${p.tender.code} ${p.tender.story}`, started);
  }
}

async function runTender(walk: Walk, p: DemoPaket, t: Tender, tenderId: string, startsAt: Date) {
  const db = walk.db;
  const members = await Promise.all(pokjaOf(p).map((email) => actorOf(db, email)));
  const [leader, second] = members as [Actor, Actor];
  const consultancy = p.category === "JASA_KONSULTANSI";
  await updateTenderSetup(leader, {
    tenderId,
    qualification: QUALIFICATION,
    // consultancy (a two-file seleksi) offers only the consultancy methods (Perlem LKPP 12/2021 Lampiran II)
    evaluationMethod: consultancy ? "KUALITAS_BIAYA" : "HARGA_TERENDAH",
    technicalWeight: consultancy ? 80 : null,
    priceWeight: consultancy ? 20 : null,
    bidSecurityAmount: bidSecurityFor(p),
  });
  if (t.requirements) await updateTenderRequirements(leader, { tenderId, requirements: t.requirements, bidParts: [] });
  if (t.story === "DRAFT") return;
  await uploadDocument(leader, {
    target: { tenderId },
    kind: "DOKUMEN_PEMILIHAN",
    fileName: `Dokumen Pemilihan ${t.code}.pdf`,
    body: Readable.from([demoPdf(`Dokumen Pemilihan ${t.code}: ${p.name}`)]),
  });
  const procedure = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { procedure: { select: { stages: true } } },
  });
  const windows = buildDefaultSchedule(procedureStages(procedure.procedure.stages), startsAt);
  await setTenderSchedule(leader, { tenderId, stages: windows.map(({ startsAt, endsAt }) => ({ startsAt, endsAt })) });
  await walk.to(new Date(startsAt.getTime() - HOUR));
  await publishTender(leader, { tenderId });
  if (t.story === "ANNOUNCED") return;
  if (t.story === "SHORTLISTED")
    return walkPrakualifikasi(db, (at) => walk.to(at), tenderId, leader, t.applicants ?? []);
  if (t.story === "FAILED") {
    // nobody bids: at the deadline the worker extends it once, at the new one it fails the tender
    for (let i = 0; i < 2; i++)
      await walk.to(
        new Date((await walk.stage(tenderId, "UPLOAD_PENAWARAN")).endsAt.getTime() + SUBMIT_GRACE_MS + 5 * 60_000),
      );
    return;
  }

  // Vendors register while the tender is announced, and bid in the upload window.
  await walk.to(new Date(startsAt.getTime() + DAY + 3 * HOUR));
  const bidders = await Promise.all((t.bids ?? []).map(async (b) => ({ ...b, actor: await actorOf(db, b.email) })));
  for (const b of bidders) await registerForTender(b.actor, { tenderId });
  const upload = await walk.stage(tenderId, "UPLOAD_PENAWARAN");
  const parts = await bidPartsOf(db, tenderId);
  for (const [i, b] of bidders.filter((b) => !b.registeredOnly).entries()) {
    await walk.to(new Date(upload.startsAt.getTime() + (i + 1) * DAY + 2 * HOUR));
    const files = [];
    for (const part of parts) {
      const file = await uploadBidFile(b.actor, {
        tenderId,
        part,
        fileName: `${part.toLowerCase()}.pdf`,
        body: Readable.from([demoPdf(`Penawaran ${part.toLowerCase()} ${b.email} untuk ${t.code}`)]),
      });
      files.push({ id: file.id });
    }
    const qualification = t.requirements ? await choicesFor(db, b.actor.vendorId!, t.requirements) : undefined;
    await submitBid(b.actor, {
      integrityPact: true,
      tenderId,
      price: b.price,
      files,
      qualification,
      idempotencyKey: randomUUID(),
    });
  }
  if (t.story === "BIDDING") return;

  // The deadline passes; two of the three Pokja members give their passphrase (k of n).
  await walk.to(new Date(upload.endsAt.getTime() + SUBMIT_GRACE_MS + 10 * 60_000));
  for (const member of [leader, second]) await approveOpening(member, { tenderId, passphrase: walk.passphrase });

  const evaluation = await walk.stage(tenderId, "EVALUASI");
  await walk.to(new Date(evaluation.startsAt.getTime() + 2 * HOUR));
  const bids = await db.bid.findMany({ where: { tenderId, status: "SUBMITTED" }, select: { id: true } });
  const stages = t.story === "OPENED" ? EVALUATION_STAGES.slice(0, 2) : EVALUATION_STAGES;
  for (const stage of stages)
    for (const bid of bids)
      await recordEvaluation(leader, {
        tenderId,
        bidId: bid.id,
        stage,
        passed: true,
        reason: `Memenuhi syarat tahap ${stage.toLowerCase()} sesuai dokumen pemilihan.`,
      });
  if (t.story === "OPENED") return;
  await rankTenderBids(leader, { tenderId });

  await walk.to(new Date((await walk.stage(tenderId, "PEMBUKTIAN_KUALIFIKASI")).startsAt.getTime() + 2 * HOUR));
  const ranked = await db.bid.findMany({ where: { tenderId, rank: { not: null } }, select: { id: true } });
  for (const bid of ranked)
    await recordPembuktian(leader, {
      tenderId,
      bidId: bid.id,
      passed: true,
      reason: "Dokumen asli kualifikasi sesuai dengan yang diunggah.",
    });

  // Penetapan by the Pokja's majority: one proposes, a second approves.
  await walk.to(new Date((await walk.stage(tenderId, "PENETAPAN_PEMENANG")).startsAt.getTime() + 2 * HOUR));
  const proposal = await proposeWinner(leader, { tenderId });
  await decideWinnerProposal(second, {
    tenderId,
    proposalId: proposal.proposalId,
    decision: "APPROVE",
    reason: null,
  });
  await walk.to(new Date((await walk.stage(tenderId, "PENGUMUMAN_PEMENANG")).startsAt.getTime() + HOUR));
  await announceWinner(leader, { tenderId });
  if (t.story === "AWARDED") return;

  // The sanggah period passes with no sanggah; the PPK issues the SPPBJ.
  await walk.to(new Date((await walk.stage(tenderId, "PENUNJUKAN_PEMENANG")).startsAt.getTime() + 2 * HOUR));
  await issueSppbj(await actorOf(db, personOf(p, "PPK")), { tenderId });
}

/** The seed's clock, moved to each step's time, with the worker's tick run there. */
class Walk {
  readonly passphrase = DEMO_OPENING_PASSPHRASE;
  constructor(readonly db: PrismaClient) {}

  async to(at: Date): Promise<void> {
    await setClock(this.db, at);
    await runScheduleTick();
  }

  async stage(
    tenderId: string,
    kind:
      | "UPLOAD_PENAWARAN"
      | "EVALUASI"
      | "PEMBUKTIAN_KUALIFIKASI"
      | "PENETAPAN_PEMENANG"
      | "PENGUMUMAN_PEMENANG"
      | "PENUNJUKAN_PEMENANG",
  ) {
    return this.db.tenderStage.findFirstOrThrow({
      where: { tenderId, kind },
      select: { startsAt: true, endsAt: true },
    });
  }
}

/** The parts every bid must carry: the tender's or the procedure's, with the bid security document where asked. */
async function bidPartsOf(db: PrismaClient, tenderId: string) {
  const t = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { bidParts: true, bidSecurityAmount: true, procedure: { select: { bidParts: true } } },
  });
  return requiredBidParts(t.procedure.bidParts, t.bidParts, t.bidSecurityAmount);
}

/** The jaminan penawaran where the rule asks for one: its lower bound, rounded up to a million rupiah. */
function bidSecurityFor(p: DemoPaket): bigint | null {
  const rule = bidSecurityRequirement(p.category, p.hps);
  if (!rule.required) return null;
  const rounded = ((rule.min + 999_999n) / 1_000_000n) * 1_000_000n;
  return rounded <= rule.max ? rounded : rule.min;
}

// The first start seeds for a minute or so on a busy machine: say what is being done.
const progress = (p: DemoPaket, what: string, since: number) =>
  console.log(`  ${what.padEnd(21)} ${p.name} (${((performance.now() - since) / 1000).toFixed(1)} s)`);

const personOf = (p: DemoPaket, role: "PPK" | "PEJABAT_PENGADAAN") =>
  USERS.find((u) => u.roles.some((r) => r.role === role && r.agency === p.agency))!.email;

const pokjaOf = (p: DemoPaket) =>
  USERS.filter((u) => u.roles.some((r) => r.role === "POKJA" && r.agency === p.agency)).map((u) => u.email);
