import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { qualificationRequirementsSchema } from "@/modules/qualification/domain";
import { requiredBidParts } from "../domain/bid-parts";
import { bidSecurityRequirement } from "../domain/bid-security";
import { stageInForce } from "../domain/lifecycle-time";
import { publishChecklist } from "../domain/publish-checklist";
import { selectableMethods } from "../domain/tender-cepat";
import { assertPokjaAccess } from "./load-pokja-tender";
import { procedureStages } from "./tender-stages";
import { evaluationMethodsFor } from "../domain/procedure-methods";

/** Everything the Pokja's set-up page shows, as plain values; `now` is the database's. */
export async function getTenderSetup(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.setup");
  const [now, procedures, t] = await Promise.all([
    dbNow(),
    db.procedureConfig.findMany({ select: { method: true, categories: true } }),
    db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: {
        id: true,
        code: true,
        status: true,
        publishedAt: true,
        qualification: true,
        method: true,
        requiredKbli: true,
        requiredPermits: true,
        evaluationMethod: true,
        technicalWeight: true,
        priceWeight: true,
        technicalPassingGrade: true,
        bidSecurityAmount: true,
        qualificationRequirements: true,
        bidParts: true,
        paket: {
          select: {
            name: true,
            category: true,
            method: true,
            pagu: true,
            hps: true,
            agency: { select: { name: true, timeZone: true } },
          },
        },
        pokja: { select: { name: true, _count: { select: { members: true } } } },
        procedure: {
          select: { name: true, stages: true, bidParts: true, twoFiles: true, technicalPassingGrade: true },
        },
        stages: {
          orderBy: { position: "asc" },
          select: { id: true, kind: true, startsAt: true, endsAt: true, minHours: true },
        },
        documents: {
          where: { kind: "DOKUMEN_PEMILIHAN" },
          orderBy: { createdAt: "asc" },
          select: { id: true, fileName: true, sizeBytes: true, createdAt: true },
        },
        scheduleChanges: {
          orderBy: { changedAt: "desc" },
          select: {
            id: true,
            stage: { select: { kind: true } },
            oldStartsAt: true,
            oldEndsAt: true,
            newStartsAt: true,
            newEndsAt: true,
            reason: true,
            changedAt: true,
          },
        },
      },
    }),
  ]);
  const { paket, pokja, procedure, documents, scheduleChanges, qualificationRequirements, ...rest } = t;
  const tender = { ...rest, currentStage: stageInForce(rest.status, rest.stages, now)?.kind ?? null };
  // stored only through the schema (update-tender-requirements.ts); read back through it too
  const parsedRequirements = qualificationRequirementsSchema.safeParse(qualificationRequirements);
  const requirements = parsedRequirements.success ? parsedRequirements.data : null;
  const checklist = publishChecklist(
    {
      category: paket.category,
      hps: paket.hps,
      selectionDocumentCount: documents.length,
      qualification: tender.qualification,
      evaluationMethod: tender.evaluationMethod,
      technicalWeight: tender.technicalWeight,
      priceWeight: tender.priceWeight,
      bidSecurityAmount: tender.bidSecurityAmount,
      stages: tender.stages,
      pokjaMemberCount: pokja?._count.members ?? 0,
      method: tender.method,
      requirementCount: tender.requiredKbli.length + tender.requiredPermits.length,
    },
    now,
  );
  return {
    now,
    tender,
    paket: { name: paket.name, category: paket.category, method: paket.method, pagu: paket.pagu, hps: paket.hps },
    agency: paket.agency,
    pokjaName: pokja?.name ?? null,
    procedure: {
      name: procedure.name,
      stages: procedureStages(procedure.stages),
      bidParts: procedure.bidParts,
      /** the evaluation methods it offers (two files: the consultancy ones) and its default passing grade */
      evaluationMethods: evaluationMethodsFor(procedure),
      technicalPassingGrade: procedure.twoFiles ? procedure.technicalPassingGrade : null,
    },
    requirements,
    /** the parts a bid must contain now: the tender's choice or the procedure's, with the bid security document */
    requiredBidParts: requiredBidParts(procedure.bidParts, tender.bidParts, tender.bidSecurityAmount),
    bidSecurity: bidSecurityRequirement(paket.category, paket.hps),
    methodChoice:
      tender.status === "DRAFT" ? selectableMethods(paket.method, paket.category, procedures, tender.method) : [],
    documents: documents.map((d) => ({ ...d, sizeBytes: Number(d.sizeBytes) })),
    changes: scheduleChanges.map(({ stage, ...c }) => ({ ...c, stageKind: stage.kind })),
    checklist: tender.status === "DRAFT" ? checklist : [],
  };
}

export type TenderSetupView = Awaited<ReturnType<typeof getTenderSetup>>;
