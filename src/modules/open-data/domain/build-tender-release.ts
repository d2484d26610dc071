/**
 * A tender's OCDS release from its public snapshot. The snapshot holds only what the public
 * may know at that moment (the caller reads bid counts only after the opening, names only
 * once they are revealed, prices only of announced awards); the builder adds nothing else.
 * Never in a release: a bid price before the opening, the HPS breakdown (HpsItem), vendors'
 * e-mail, phone, people or tax numbers, keys.
 */
import type { EvaluationMethod, StageKind, TenderStatus as SegelTenderStatus } from "@/modules/tenders/domain";
import type { ProcurementCategory as Category, ProcurementMethod as Method } from "@/modules/paket/domain";
import {
  AWARD_DOCUMENT_KINDS,
  awardStatus,
  CATEGORY_MAPPING,
  DOCUMENT_TYPE_MAPPING,
  METHOD_MAPPING,
  TENDER_STATUS_MAPPING,
} from "./mappings";
import { ocdsContract, type SnapshotContract } from "./build-contract-release";
import { ocidFor, releaseIdFor } from "./ocid";
import type {
  OcdsAward,
  OcdsBidStatistic,
  OcdsDocument,
  OcdsParty,
  OcdsPeriod,
  OcdsRelease,
  OcdsTender,
  OrganizationReference,
  PartyRole,
  ReleaseTag,
} from "./release-types";

export interface SnapshotDocument {
  id: string;
  /** Prisma's DocumentKind */
  kind: string;
  fileName: string;
  mimeType: string;
  sha256: string;
  createdAt: Date;
}

export interface SnapshotOrganization {
  id: string;
  name: string;
}

export interface SnapshotAward {
  supplier: SnapshotOrganization;
  /** the winner's price after arithmetic correction (or as opened) */
  value: bigint | null;
  announcedAt: Date;
  /** an accepted sanggah or banding withdrew it */
  withdrawnAt: Date | null;
}

export interface TenderSnapshot {
  id: string;
  code: string;
  name: string;
  status: Exclude<SegelTenderStatus, "DRAFT">;
  method: Method;
  category: Category;
  evaluationMethod: EvaluationMethod | null;
  hps: bigint | null;
  agency: SnapshotOrganization;
  /** the Pokja Pemilihan running it; null: the agency itself is the procuring entity */
  pokja: SnapshotOrganization | null;
  stages: { kind: StageKind; startsAt: Date; endsAt: Date }[];
  /** public documents only */
  documents: SnapshotDocument[];
  /** schedule changes and addenda, oldest first */
  amendments: { id: string; date: Date; rationale: string; description?: string }[];
  publishedAt: Date | null;
  openedAt: Date | null;
  sppbjIssuedAt: Date | null;
  endReason: string | null;
  /** standing bids, read only after the opening */
  bidCount: number | null;
  /** bids that passed every evaluation stage, read only after an announcement */
  validBidCount: number | null;
  /** bidders by name, read only once the winner was announced (procurement-domain.md) */
  tenderers: SnapshotOrganization[] | null;
  /** announced awards, oldest first: withdrawn ones, then the standing one */
  awards: SnapshotAward[];
  /** a sanggah banding was filed: the PA/KPA answers it */
  hasBanding: boolean;
  /** tender ulang: the code of the failed tender this one repeats */
  previousTenderCode: string | null;
  /** moved to another LPSE */
  transferredTo: { name: string; url: string } | null;
  /** e-Kontrak: the contract once both signed (docs/decisions/0042) */
  contract?: SnapshotContract | null;
}

export interface ReleaseMeta {
  prefix: string;
  position: number;
  /** the change's instant (the database clock) */
  date: Date;
  tags: ReleaseTag[];
  /** the portal's public origin, for document links */
  publicOrigin: string;
}

const AWARD_CRITERIA: Record<EvaluationMethod, { awardCriteria: string; awardCriteriaDetails: string }> = {
  HARGA_TERENDAH: { awardCriteria: "priceOnly", awardCriteriaDetails: "Harga Terendah" },
  SISTEM_NILAI: { awardCriteria: "ratedCriteria", awardCriteriaDetails: "Sistem Nilai" },
  BIAYA_UMUR_EKONOMIS: { awardCriteria: "costOnly", awardCriteriaDetails: "Biaya Selama Umur Ekonomis" },
  KUALITAS: { awardCriteria: "qualityOnly", awardCriteriaDetails: "Kualitas" },
  KUALITAS_BIAYA: { awardCriteria: "ratedCriteria", awardCriteriaDetails: "Kualitas dan Biaya" },
  PAGU_ANGGARAN: { awardCriteria: "qualityOnly", awardCriteriaDetails: "Pagu Anggaran" },
  BIAYA_TERENDAH: { awardCriteria: "priceOnly", awardCriteriaDetails: "Biaya Terendah" },
};

/** Integer rupiah as a JSON number: exact below 2^53 (Rp9 kuadriliun), far above any paket. */
export const idr = (amount: bigint) => ({ amount: Number(amount), currency: "IDR" as const });

const iso = (d: Date) => d.toISOString();

export function period(stage: { startsAt: Date; endsAt: Date } | undefined): OcdsPeriod | undefined {
  return stage ? { startDate: iso(stage.startsAt), endDate: iso(stage.endsAt) } : undefined;
}

export function ocdsDocument(doc: SnapshotDocument, publicOrigin: string): OcdsDocument {
  const documentType = DOCUMENT_TYPE_MAPPING[doc.kind];
  return {
    id: doc.id,
    ...(documentType ? { documentType } : {}),
    title: doc.fileName,
    url: `${publicOrigin}/api/documents/${doc.id}`,
    datePublished: iso(doc.createdAt),
    format: doc.mimeType,
    hash: doc.sha256,
  };
}

export const buyerPartyId = (agencyId: string) => `instansi-${agencyId}`;
export const vendorPartyId = (vendorId: string) => `penyedia-${vendorId}`;

/** Parties by id, each with every role it plays; first seen first. */
export class PartyList {
  private readonly parties = new Map<string, OcdsParty>();
  add(id: string, name: string, role: PartyRole): OrganizationReference {
    const party = this.parties.get(id) ?? { id, name, roles: [] };
    if (!party.roles.includes(role)) party.roles.push(role);
    this.parties.set(id, party);
    return { id, name };
  }
  list(): OcdsParty[] {
    return [...this.parties.values()];
  }
}

function stage(snapshot: TenderSnapshot, kind: StageKind) {
  return snapshot.stages.find((s) => s.kind === kind);
}

export function buildTenderRelease(snapshot: TenderSnapshot, meta: ReleaseMeta): OcdsRelease {
  const ocid = ocidFor(meta.prefix, { kind: "TENDER", code: snapshot.code });
  const parties = new PartyList();
  const buyer = parties.add(buyerPartyId(snapshot.agency.id), snapshot.agency.name, "buyer");
  const procuringEntity = snapshot.pokja
    ? parties.add(`pokja-${snapshot.pokja.id}`, snapshot.pokja.name, "procuringEntity")
    : parties.add(buyer.id, buyer.name, "procuringEntity");
  if (snapshot.hasBanding) parties.add(`kpa-${snapshot.agency.id}`, `PA/KPA ${snapshot.agency.name}`, "reviewBody");
  const tenderers = snapshot.tenderers?.map((t) => parties.add(vendorPartyId(t.id), t.name, "tenderer"));

  const tenderDocuments = snapshot.documents.filter((d) => !AWARD_DOCUMENT_KINDS.includes(d.kind));
  const awardDocuments = snapshot.documents.filter((d) => AWARD_DOCUMENT_KINDS.includes(d.kind));
  const bidDeadline = stage(snapshot, "UPLOAD_PENAWARAN");
  const decision = stage(snapshot, "PENGUMUMAN_PEMENANG") ?? stage(snapshot, "PENETAPAN_PEMENANG");
  const awardPeriod: OcdsPeriod | undefined =
    bidDeadline && decision ? { startDate: iso(bidDeadline.endsAt), endDate: iso(decision.endsAt) } : undefined;
  const transferNote = snapshot.transferredTo
    ? `Dipindahkan ke ${snapshot.transferredTo.name} (${snapshot.transferredTo.url}); rilis berikutnya diterbitkan di sana.`
    : undefined;

  const tender: OcdsTender = {
    id: snapshot.code,
    title: snapshot.name,
    ...(transferNote || snapshot.endReason ? { description: transferNote ?? snapshot.endReason ?? undefined } : {}),
    status: TENDER_STATUS_MAPPING[snapshot.status],
    procuringEntity,
    ...(snapshot.hps !== null ? { value: idr(snapshot.hps) } : {}),
    ...METHOD_MAPPING[snapshot.method],
    ...CATEGORY_MAPPING[snapshot.category],
    ...(snapshot.evaluationMethod ? AWARD_CRITERIA[snapshot.evaluationMethod] : {}),
    submissionMethod: ["electronicSubmission"],
    ...(bidDeadline ? { tenderPeriod: period(bidDeadline) } : {}),
    ...(stage(snapshot, "PEMBERIAN_PENJELASAN")
      ? { enquiryPeriod: period(stage(snapshot, "PEMBERIAN_PENJELASAN")) }
      : {}),
    ...(awardPeriod ? { awardPeriod } : {}),
    ...(snapshot.bidCount !== null ? { numberOfTenderers: snapshot.bidCount } : {}),
    ...(tenderers ? { tenderers } : {}),
    ...(tenderDocuments.length ? { documents: tenderDocuments.map((d) => ocdsDocument(d, meta.publicOrigin)) } : {}),
    ...(snapshot.amendments.length
      ? {
          amendments: snapshot.amendments.map((a) => ({
            id: a.id,
            date: iso(a.date),
            rationale: a.rationale,
            ...(a.description ? { description: a.description } : {}),
          })),
        }
      : {}),
  };
  const awards: OcdsAward[] = snapshot.awards.map((award, i) => {
    const standing = i === snapshot.awards.length - 1 && award.withdrawnAt === null;
    const supplier = parties.add(vendorPartyId(award.supplier.id), award.supplier.name, "supplier");
    parties.add(supplier.id, supplier.name, "tenderer");
    return {
      id: `${snapshot.code}-award-${i + 1}`,
      status: awardStatus({ withdrawn: award.withdrawnAt !== null, status: snapshot.status }),
      date: iso(standing && snapshot.sppbjIssuedAt ? snapshot.sppbjIssuedAt : award.announcedAt),
      ...(award.value !== null ? { value: idr(award.value) } : {}),
      suppliers: [supplier],
      ...(standing && awardDocuments.length
        ? { documents: awardDocuments.map((d) => ocdsDocument(d, meta.publicOrigin)) }
        : {}),
    };
  });
  const standingAward = awards.length && snapshot.awards.at(-1)!.withdrawnAt === null ? awards.at(-1)! : null;
  const contracts =
    snapshot.contract && standingAward?.suppliers?.[0]
      ? [ocdsContract(snapshot.contract, { awardID: standingAward.id, buyer, supplier: standingAward.suppliers[0] })]
      : [];
  const statistics: OcdsBidStatistic[] = [];
  if (snapshot.bidCount !== null && snapshot.openedAt)
    statistics.push({ id: "bids", measure: "bids", value: snapshot.bidCount, date: iso(snapshot.openedAt) });
  if (snapshot.validBidCount !== null)
    statistics.push({ id: "validBids", measure: "validBids", value: snapshot.validBidCount });

  return {
    ocid,
    id: releaseIdFor(ocid, meta.position),
    date: iso(meta.date),
    tag: meta.tags,
    initiationType: "tender",
    language: "id",
    parties: parties.list(),
    buyer,
    tender,
    ...(awards.length ? { awards } : {}),
    ...(contracts.length ? { contracts } : {}),
    ...(statistics.length ? { bids: { statistics } } : {}),
    ...(snapshot.previousTenderCode
      ? {
          relatedProcesses: [
            {
              id: "tender-sebelumnya",
              relationship: ["unsuccessfulProcess"],
              title: `Tender ${snapshot.previousTenderCode} (gagal)`,
              scheme: "ocid" as const,
              identifier: ocidFor(meta.prefix, { kind: "TENDER", code: snapshot.previousTenderCode }),
            },
          ],
        }
      : {}),
  };
}
