/**
 * A tender's qualification requirements as data the system checks against the vendor's
 * verified profile (Tender Cepat: bidders already qualified in SIKaP, Perpres 16/2018
 * Pasal 38 ayat (6)). Only legal data counts: KBLI and permits, which send a verified
 * profile back to the Verifikator when they change (vendors/domain/verification.ts), so
 * what is read here is what was verified. Which items a tender asks for is the Pokja's
 * choice in the set-up (configuration, not law). A permit is matched as the structured
 * assessment matches it (qualification/domain/permits.ts): one way for both.
 */
import { isPermitValid, permitAnswers } from "@/modules/qualification/domain";

export interface Requirements {
  /** every KBLI code listed must be among the vendor's */
  kbli: readonly string[];
  /** every permit kind listed must be held and valid (e.g. "SBU", "Sertifikat Standar") */
  permits: readonly string[];
}

export interface VerifiedProfile {
  isVerified: boolean;
  kbli: readonly string[];
  permits: readonly { kind: string; validUntil: Date | null }[];
}

export type Unmet = { kind: "NOT_VERIFIED" } | { kind: "KBLI"; code: string } | { kind: "PERMIT"; name: string };

export const MAX_REQUIRED_KBLI = 20;
export const MAX_REQUIRED_PERMITS = 10;

const normalise = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** What the profile lacks, in the order the requirements list it; empty when it meets them. */
export function unmetRequirements(requirements: Requirements, profile: VerifiedProfile, now: Date): Unmet[] {
  if (!profile.isVerified) return [{ kind: "NOT_VERIFIED" }];
  const unmet: Unmet[] = [];
  for (const code of requirements.kbli) if (!profile.kbli.includes(code)) unmet.push({ kind: "KBLI", code });
  for (const name of requirements.permits) {
    const held = profile.permits.some((p) => permitAnswers(p.kind, name) && isPermitValid(p.validUntil, now));
    if (!held) unmet.push({ kind: "PERMIT", name });
  }
  return unmet;
}

/** The unmet items as one line naming each ("KBLI 41011, SBU"): codes and names read the same in every language. */
export function describeUnmet(unmet: readonly Unmet[]): string {
  return unmet
    .map((u) => (u.kind === "KBLI" ? `KBLI ${u.code}` : u.kind === "PERMIT" ? u.name : ""))
    .filter(Boolean)
    .join(", ");
}

/** The requirements as the announcement and the evaluation list them. */
export function describeRequirements(requirements: Requirements): string {
  return [...requirements.kbli.map((c) => `KBLI ${c}`), ...requirements.permits].join(", ");
}

/** Permit kinds typed one per line (or separated by ";"): trimmed, blanks and repeats dropped. */
export function parsePermitKinds(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n;]/)) {
    const kind = part.trim().replace(/\s+/g, " ");
    if (kind && !seen.has(normalise(kind))) {
      seen.add(normalise(kind));
      out.push(kind);
    }
  }
  return out;
}
