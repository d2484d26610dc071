/**
 * The tender's contract in its OCDS release (contracts[]), from the Contract's public snapshot:
 * published from the signing on (a draft under review is not public). Its addenda are
 * `amendments`, its termins `implementation.milestones` (delivery, met at their BAST), its
 * payments `implementation.transactions`. Never in it: the signatories, the NIP, the vendor's
 * note, the payment's reference (a treasury document), the PDFs (not public).
 */
import {
  TERMINATION_GROUND_LABELS,
  type ContractStatus as SegelContractStatus,
  type TerminationGround,
} from "@/modules/contracts/domain";
import type { ContractStatus, OcdsContract, OcdsValue, OrganizationReference } from "./release-types";

export interface SnapshotContract {
  number: string;
  status: SegelContractStatus;
  value: bigint;
  startsOn: Date;
  endsOn: Date;
  ppkSignedAt: Date | null;
  terminatedAt: Date | null;
  terminationReason: string | null;
  /** null only on contracts terminated before the ground was recorded */
  terminationGround: TerminationGround | null;
  addenda: {
    number: number;
    reason: string;
    valueBefore: bigint;
    valueAfter: bigint;
    endsOnBefore: Date;
    endsOnAfter: Date;
    createdAt: Date;
  }[];
  termins: {
    position: number;
    description: string;
    amount: bigint;
    dueOn: Date | null;
    bastAt: Date | null;
    paidAmount: bigint | null;
    paidAt: Date | null;
  }[];
}

/**
 * contract.status (OCDS closed codelist contractStatus.csv): signed by both is in force
 * ("active"), also before the SPMK; completed or terminated early, it "has now come to a
 * close" ("terminated"); before both signatures "pending".
 */
export const CONTRACT_STATUS_MAPPING: Record<SegelContractStatus, ContractStatus> = {
  DRAFT: "pending",
  VENDOR_REVIEW: "pending",
  SIGNED: "active",
  ACTIVE: "active",
  COMPLETED: "terminated",
  TERMINATED: "terminated",
};

const iso = (d: Date) => d.toISOString();
const idr = (amount: bigint): OcdsValue => ({ amount: Number(amount), currency: "IDR" });

export function ocdsContract(
  contract: SnapshotContract,
  refs: { awardID: string; buyer: OrganizationReference; supplier: OrganizationReference },
): OcdsContract {
  const milestones = contract.termins.map((t) => ({
    id: `termin-${t.position}`,
    title: t.description,
    type: "delivery",
    ...(t.dueOn ? { dueDate: iso(t.dueOn) } : {}),
    ...(t.bastAt ? { dateMet: iso(t.bastAt) } : {}),
    status: t.bastAt ? ("met" as const) : ("scheduled" as const),
  }));
  const transactions = contract.termins.flatMap((t) =>
    t.paidAt && t.paidAmount !== null
      ? [
          {
            id: `pembayaran-termin-${t.position}`,
            date: iso(t.paidAt),
            value: idr(t.paidAmount),
            payer: refs.buyer,
            payee: refs.supplier,
          },
        ]
      : [],
  );
  return {
    id: contract.number,
    awardID: refs.awardID,
    title: `Kontrak ${contract.number}`,
    ...(contract.status === "TERMINATED" && contract.terminationReason
      ? { description: terminationDescription(contract.terminationGround, contract.terminationReason) }
      : {}),
    status: CONTRACT_STATUS_MAPPING[contract.status],
    value: idr(contract.value),
    period: { startDate: iso(contract.startsOn), endDate: iso(contract.endsOn) },
    ...(contract.ppkSignedAt ? { dateSigned: iso(contract.ppkSignedAt) } : {}),
    ...(contract.addenda.length
      ? {
          amendments: contract.addenda.map((a) => ({
            id: `adendum-kontrak-${a.number}`,
            date: iso(a.createdAt),
            rationale: a.reason,
            description: `Nilai ${a.valueBefore} menjadi ${a.valueAfter} rupiah; akhir ${iso(a.endsOnBefore)} menjadi ${iso(a.endsOnAfter)}`,
          })),
        }
      : {}),
    implementation: { milestones, ...(transactions.length ? { transactions } : {}) },
  };
}

/** "Kontrak diputus (<ground>): <reason>"; a contract terminated before grounds were kept has none. */
const terminationDescription = (ground: TerminationGround | null, reason: string) =>
  ground ? `Kontrak diputus (${TERMINATION_GROUND_LABELS[ground]}): ${reason}` : `Kontrak diputus: ${reason}`;
