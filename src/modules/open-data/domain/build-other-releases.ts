/**
 * Releases of the processes that are not tenders: a pengadaan langsung run in Segel
 * (DirectProcurement: invitation, then award and contract together, or cancellation) and a
 * non-tender record (one release when recorded: the process had already ended). As with
 * tenders, only public fields: the vendor's quotation and negotiation stay private; the
 * contract value is public once the result is recorded.
 */
import type { ProcurementCategory as Category } from "@/modules/paket/domain";
import {
  buyerPartyId,
  idr,
  ocdsDocument,
  PartyList,
  vendorPartyId,
  type SnapshotDocument,
} from "./build-tender-release";
import { CATEGORY_MAPPING, METHOD_MAPPING, NON_TENDER_MAPPING, type NonTenderKind } from "./mappings";
import { ocidFor, releaseIdFor } from "./ocid";
import type { OcdsRelease, ReleaseTag } from "./release-types";

const iso = (d: Date) => d.toISOString();

export type DirectProcurementStage = "invited" | "completed" | "cancelled";

export interface DirectProcurementSnapshot {
  id: string;
  stage: DirectProcurementStage;
  paket: { name: string; rupCode: string; category: Category; hps: bigint | null };
  agency: { id: string; name: string };
  workUnit: { id: string; name: string };
  vendor: { id: string; name: string };
  invitedAt: Date;
  contractNumber: string | null;
  contractValue: bigint | null;
  completedAt: Date | null;
}

/** The tags each stage of a pengadaan langsung publishes. */
export const DIRECT_PROCUREMENT_TAGS: Record<DirectProcurementStage, ReleaseTag[]> = {
  invited: ["tender"],
  completed: ["award", "contract"],
  cancelled: ["tenderCancellation"],
};

export function buildDirectProcurementRelease(
  snapshot: DirectProcurementSnapshot,
  meta: { prefix: string; position: number; date: Date },
): OcdsRelease {
  const ocid = ocidFor(meta.prefix, { kind: "DIRECT_PROCUREMENT", id: snapshot.id });
  const parties = new PartyList();
  const buyer = parties.add(buyerPartyId(snapshot.agency.id), snapshot.agency.name, "buyer");
  // the Pejabat Pengadaan acts for their satker; the person is not named
  const procuringEntity = parties.add(
    `satker-${snapshot.workUnit.id}`,
    `Pejabat Pengadaan ${snapshot.workUnit.name}`,
    "procuringEntity",
  );
  const completed = snapshot.stage === "completed" && snapshot.completedAt !== null;
  const supplier = completed ? parties.add(vendorPartyId(snapshot.vendor.id), snapshot.vendor.name, "supplier") : null;
  const awardId = `${ocid}-award-1`;
  return {
    ocid,
    id: releaseIdFor(ocid, meta.position),
    date: iso(meta.date),
    tag: DIRECT_PROCUREMENT_TAGS[snapshot.stage],
    initiationType: "tender",
    language: "id",
    parties: parties.list(),
    buyer,
    tender: {
      id: snapshot.paket.rupCode,
      title: snapshot.paket.name,
      status: snapshot.stage === "invited" ? "active" : snapshot.stage === "completed" ? "complete" : "cancelled",
      procuringEntity,
      ...(snapshot.paket.hps !== null ? { value: idr(snapshot.paket.hps) } : {}),
      ...METHOD_MAPPING.PENGADAAN_LANGSUNG,
      ...CATEGORY_MAPPING[snapshot.paket.category],
      tenderPeriod: { startDate: iso(snapshot.invitedAt) },
      numberOfTenderers: 1,
    },
    ...(completed && supplier && snapshot.contractValue !== null
      ? {
          awards: [
            {
              id: awardId,
              status: "active" as const,
              date: iso(snapshot.completedAt!),
              value: idr(snapshot.contractValue),
              suppliers: [supplier],
            },
          ],
          contracts: [
            {
              id: snapshot.contractNumber ?? `${ocid}-contract-1`,
              awardID: awardId,
              status: "active" as const,
              value: idr(snapshot.contractValue),
              dateSigned: iso(snapshot.completedAt!),
            },
          ],
        }
      : {}),
  };
}

export interface NonTenderSnapshot {
  id: string;
  name: string;
  rupCode: string | null;
  category: Category;
  kind: NonTenderKind;
  reason: string;
  value: bigint;
  vendorName: string;
  realizedOn: Date;
  agency: { id: string; name: string };
  workUnit: { id: string; name: string };
  documents: SnapshotDocument[];
}

/** A recorded procurement had ended: its one release says tender, award and contract at once. */
export const NON_TENDER_TAGS: ReleaseTag[] = ["tender", "award", "contract"];

export function buildNonTenderRelease(
  snapshot: NonTenderSnapshot,
  meta: { prefix: string; position: number; date: Date; publicOrigin: string },
): OcdsRelease {
  const ocid = ocidFor(meta.prefix, { kind: "NON_TENDER", id: snapshot.id });
  const parties = new PartyList();
  const buyer = parties.add(buyerPartyId(snapshot.agency.id), snapshot.agency.name, "buyer");
  const procuringEntity = parties.add(`satker-${snapshot.workUnit.id}`, snapshot.workUnit.name, "procuringEntity");
  // the vendor is known here only by the name the PPK typed: its id is the record's own
  const supplier = parties.add(`penyedia-nt-${snapshot.id}`, snapshot.vendorName, "supplier");
  const awardId = `${ocid}-award-1`;
  const documents = snapshot.documents.map((d) => ocdsDocument(d, meta.publicOrigin));
  return {
    ocid,
    id: releaseIdFor(ocid, meta.position),
    date: iso(meta.date),
    tag: NON_TENDER_TAGS,
    initiationType: "tender",
    language: "id",
    parties: parties.list(),
    buyer,
    tender: {
      id: snapshot.rupCode ?? `nt-${snapshot.id}`,
      title: snapshot.name,
      status: "complete",
      procuringEntity,
      ...NON_TENDER_MAPPING[snapshot.kind],
      procurementMethodRationale: snapshot.reason,
      ...CATEGORY_MAPPING[snapshot.category],
      ...(documents.length ? { documents } : {}),
    },
    awards: [
      {
        id: awardId,
        status: "active",
        date: iso(snapshot.realizedOn),
        value: idr(snapshot.value),
        suppliers: [supplier],
      },
    ],
    contracts: [
      {
        id: `${ocid}-contract-1`,
        awardID: awardId,
        status: "active",
        value: idr(snapshot.value),
        dateSigned: iso(snapshot.realizedOn),
      },
    ],
  };
}
