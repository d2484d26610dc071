import { EVALUATION_STAGES, type OrderedStage } from "./evaluation-rules";

/**
 * Evaluasi ulang (Perpres 16/2018 as amended by Perpres 12/2021 Pasal 50; Perlem LKPP
 * 12/2021 Lampiran II: "dalam hal sanggah dinyatakan benar, Pokja Pemilihan melakukan
 * evaluasi ulang"): the Pokja reopens from the stage the objection concerns. Stages are
 * judged in order, so every later decision rested on the reopened one and is reopened too;
 * earlier decisions stand. Pembuktian kualifikasi comes last.
 */
export const REOPENABLE_STAGES = [...EVALUATION_STAGES, "PEMBUKTIAN"] as const;
export type ReopenableStage = OrderedStage | "PEMBUKTIAN";

/** The stages whose decisions a reopening from `stage` supersedes: that stage and every later one. */
export function stagesFrom(stage: ReopenableStage): ReopenableStage[] {
  return REOPENABLE_STAGES.slice(REOPENABLE_STAGES.indexOf(stage));
}

/** Reason texts are public record: long enough to say which objection and why. */
export const REOPEN_REASON_MIN = 20;
export const REOPEN_REASON_MAX = 4000;
