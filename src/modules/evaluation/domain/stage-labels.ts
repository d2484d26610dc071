import type { EvaluationStage } from "./evaluation-rules";

/** Stage names inside error messages and notifications: legal terms stay Indonesian. */
export const STAGE_LABELS: Record<EvaluationStage, string> = {
  ADMINISTRASI: "administrasi",
  KUALIFIKASI: "kualifikasi",
  TEKNIS: "teknis",
  HARGA: "harga",
  PEMBUKTIAN: "pembuktian kualifikasi",
};
