import type { ContractStatus } from "../domain";

/** One termin (or month) as the contract page reads it: H's panel shows and acts on these. */
export interface ContractTerminView {
  id: string;
  position: number;
  description: string;
  percentBp: number;
  amount: bigint;
  dueOn: Date | null;
  progressPercent: number;
  progressReportedAt: Date | null;
  bastNumber: string | null;
  bastAt: Date | null;
  paidAmount: bigint | null;
  paidAt: Date | null;
  paymentReference: string | null;
}

export interface ContractExecutionPanelProps {
  contractId: string;
  status: ContractStatus;
  termins: ContractTerminView[];
  /** who is looking: the PPK acts on the contract, the vendor reports progress */
  viewer: "PPK" | "PENYEDIA";
  timeZone: string;
  locale: "id" | "en";
}

/**
 * The slot of the contract's execution (progress, BAST, payments, addenda, termination,
 * rating): H fills it. Until then it renders nothing.
 */
export function ContractExecutionPanel(props: ContractExecutionPanelProps) {
  void props;
  return null;
}
