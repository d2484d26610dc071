// The domain's own unions of the tender's enums (held to Prisma's in src/server/domain-enums.ts).
export { FAILURE_KINDS, TENDER_STATUSES } from "./tender-status";
export type { TenderFailureKind, TenderStatus } from "./tender-status";
export { STAGE_KINDS } from "./stage-kind";
export type { StageKind } from "./stage-kind";
export { EVALUATION_METHODS } from "./evaluation-method";
export type { EvaluationMethod } from "./evaluation-method";
// The methods a procedure offers, by its data (issue 15: the consultancy methods need two files).
export { CONSULTANCY_METHODS, evaluationMethodsFor, isWeighted } from "./procedure-methods";
// The lifecycle: which statuses the worker watches, which events exist, the stage in force.
export { SCHEDULED_STATUSES, TRANSITIONS } from "./lifecycle";
export { stageInForce } from "./lifecycle-time";
export type { TenderEvent } from "./lifecycle";
// what a compensation after an outage does to the lifecycle (availability module, issue 13)
export { compensatedStep } from "./lifecycle-time";
// A tender's stages: the bid deadline, the current stage, moving stages later.
export { findBidDeadline, findCurrentStage, isBeforeOpening, isWithin, pushBack } from "./schedule";
export type { StageMove, StageWindow } from "./schedule";
export { HOUR_MS } from "./stage-minimums";
// The procedure (stages and minimums) of a method, for a tender made outside tenders.
export { procedureFor } from "./procedure";
// Tender Cepat's qualification requirements, as the automatic evaluation reports them.
export { describeRequirements, describeUnmet } from "./qualification-requirements";
export type { Requirements, Unmet } from "./qualification-requirements";
// The parts a bid must contain (issue 15): the tender's choice or its procedure's, plus the bid security document.
export { checkBidParts, choosableBidParts, requiredBidParts } from "./bid-parts";
