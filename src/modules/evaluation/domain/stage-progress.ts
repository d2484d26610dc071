import { EVALUATION_STAGES, type EvaluationStage, type OrderedStage } from "./evaluation-rules";

/** The decisions recorded for one bid: stage → passed. A missing stage is undecided. */
export type Decisions = Partial<Record<EvaluationStage, boolean>>;

export type StageBlock = { key: "previousStageMissing" | "previousStageFailed"; stage: OrderedStage };

/**
 * Stages are judged in order (Perlem LKPP 12/2021, Lampiran II): a stage may be decided
 * only when every earlier stage was decided and passed. Null when it may be judged.
 */
export function stageBlocker(stage: OrderedStage, decisions: Decisions): StageBlock | null {
  for (const earlier of EVALUATION_STAGES.slice(0, EVALUATION_STAGES.indexOf(stage))) {
    const passed = decisions[earlier];
    if (passed === undefined) return { key: "previousStageMissing", stage: earlier };
    if (!passed) return { key: "previousStageFailed", stage: earlier };
  }
  return null;
}

export type Outcome =
  { kind: "PASSED" } | { kind: "FAILED"; stage: OrderedStage } | { kind: "PENDING"; stage: OrderedStage };

/** Where a bid stands after administrasi to harga: passed all, failed at one, or awaiting one. */
export function evaluationOutcome(decisions: Decisions): Outcome {
  for (const stage of EVALUATION_STAGES) {
    const passed = decisions[stage];
    if (passed === undefined) return { kind: "PENDING", stage };
    if (!passed) return { kind: "FAILED", stage };
  }
  return { kind: "PASSED" };
}

/** Every bid is either out or through all four stages: the ranking can be made. */
export function isEvaluationComplete(bids: readonly Decisions[]): boolean {
  return bids.every((d) => evaluationOutcome(d).kind !== "PENDING");
}

/** The stored evaluation rows of one bid as stage → passed. */
export function toDecisions(evaluations: readonly { stage: EvaluationStage; passed: boolean }[]): Decisions {
  return Object.fromEntries(evaluations.map((e) => [e.stage, e.passed])) as Decisions;
}

/** How far a stage is: the bids that may be judged in it, and how many of them are decided. */
export function stageTally(stage: OrderedStage, bids: readonly Decisions[]): { open: number; decided: number } {
  const open = bids.filter((d) => stageBlocker(stage, d) === null);
  return { open: open.length, decided: open.filter((d) => d[stage] !== undefined).length };
}

/** The stage the Pokja works on next: the first with a bid that may be judged and is not yet. */
export function nextStageToDecide(bids: readonly Decisions[]): OrderedStage {
  const pending = EVALUATION_STAGES.find((s) => {
    const tally = stageTally(s, bids);
    return tally.decided < tally.open;
  });
  return pending ?? EVALUATION_STAGES[EVALUATION_STAGES.length - 1]!;
}
