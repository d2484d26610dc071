import { toZonedLocal } from "@/lib/zoned-time";
import { dbNow } from "@/server/db";
import { getActor } from "@/server/session";
import type { ContractStatus } from "../domain";
import { getExecutionView } from "../server/get-execution-view";
import { ExecutionPanelView } from "./execution-panel-view";

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
 * The contract's execution on the PPK's and the vendor's contract page (G's pages render it):
 * loads what the viewer may see and do, and shows ExecutionPanelView. Nothing before the
 * contract is signed.
 */
export async function ContractExecutionPanel({
  contractId,
  status,
  termins,
  viewer,
  timeZone,
  locale,
}: ContractExecutionPanelProps) {
  if (status === "DRAFT" || status === "VENDOR_REVIEW") return null;
  const actor = await getActor();
  if (!actor) return null;
  const view = await getExecutionView(actor, contractId, viewer === "PPK" ? "ppk" : "vendor");
  // the forms' default day, by the database clock the use cases judge the date with
  const today = toZonedLocal(await dbNow(), timeZone).slice(0, 10);
  return (
    <ExecutionPanelView
      contractId={contractId}
      termins={termins}
      view={view}
      timeZone={timeZone}
      locale={locale}
      today={today}
    />
  );
}
