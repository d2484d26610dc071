import { z } from "zod";
import { SANGGAH_DECISIONS } from "./domain/decision";
import { TEXT_MAX, TEXT_MIN } from "./domain/filing-rules";

// Error texts are keys in errors.json (src/server/action.ts translates them).
const text = z.string().trim().min(TEXT_MIN, "sanggahTextTooShort").max(TEXT_MAX, "sanggahTextTooLong");
const verdict = z.enum(SANGGAH_DECISIONS, "sanggahPickVerdict");
// a checkbox sends "on"; a call from code sends true
const confirmed = z.preprocess((v) => v === true || v === "on" || v === "true", z.literal(true, "bondNotConfirmed"));

export const fileSanggahSchema = z.object({ tenderId: z.uuid(), body: text });
export const answerSanggahSchema = z.object({ sanggahId: z.uuid(), verdict, answer: text });
export const fileBandingSchema = z.object({ sanggahId: z.uuid(), body: text, bondConfirmed: confirmed });
export const answerBandingSchema = z.object({ bandingId: z.uuid(), verdict, answer: text });

export type FileSanggahInput = z.infer<typeof fileSanggahSchema>;
export type AnswerSanggahInput = z.infer<typeof answerSanggahSchema>;
export type FileBandingInput = z.input<typeof fileBandingSchema>;
export type AnswerBandingInput = z.infer<typeof answerBandingSchema>;
