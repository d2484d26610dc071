import { describeBrowser } from "./browser";

/**
 * The audit events that make up a user's access log, all recorded on the user
 * (entityType "User", entityId = the user's id): a sign-in, a refused sign-in (whoever
 * typed), and a refused second factor. A passed second factor is shown on its sign-in.
 */
export const ACCESS_LOG_ACTIONS = ["auth.signIn", "auth.signInFailed", "auth.secondFactorFailed"] as const;
export type AccessLogAction = (typeof ACCESS_LOG_ACTIONS)[number];
export const SECOND_FACTOR_PASSED = "auth.secondFactorPassed";

export type SignInMethod = "password" | "oidc";
export type SecondFactorMethod = "totp" | "recovery";

/** One audit event as the access log reads it. */
export interface AccessEvent {
  seq: string;
  occurredAt: Date;
  action: string;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

export interface AccessEntry {
  seq: string;
  at: Date;
  kind: "signIn" | "signInFailed" | "secondFactorFailed";
  /** why it was refused, as the event says (badCredentials, accountDisabled, …) */
  reason: string | null;
  /** how the first factor was proven (sign-ins recorded before OIDC existed were by password); null when a refusal does not say */
  method: SignInMethod | null;
  /** the second factor given: on a sign-in, the one that later passed for its session ("none" if none did) */
  secondFactor: SecondFactorMethod | "none" | null;
  ip: string | null;
  browser: string | null;
  sessionId: string | null;
}

function field(data: unknown, key: string): string | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

/** The session a sign-in opened, or a second factor was given for. */
export function sessionIdOf(event: AccessEvent): string | null {
  return field(event.data, "sessionId");
}

/** The session a second-factor event was given for, and the method; null when it names none. */
export function secondFactorOf(event: AccessEvent): { sessionId: string; method: SecondFactorMethod } | null {
  const sessionId = field(event.data, "sessionId");
  const method = pick(field(event.data, "method"), ["totp", "recovery"] as const);
  return sessionId && method ? { sessionId, method } : null;
}

/**
 * An access-log row from its event. A refused sign-in is recorded with no actor (nobody is
 * signed in), so its address and browser are in its data; a sign-in's are the event's own.
 */
export function toAccessEntry(
  event: AccessEvent,
  passedBySession: ReadonlyMap<string, SecondFactorMethod>,
): AccessEntry {
  const action = pick(event.action, ACCESS_LOG_ACTIONS);
  const sessionId = field(event.data, "sessionId");
  const entry = {
    seq: event.seq,
    at: event.occurredAt,
    ip: event.ip ?? field(event.data, "ip"),
    browser: describeBrowser(event.userAgent ?? field(event.data, "userAgent")),
    sessionId,
  };
  if (action === "auth.signIn") {
    const passed = sessionId ? passedBySession.get(sessionId) : undefined;
    return {
      ...entry,
      kind: "signIn",
      reason: null,
      method: pick(field(event.data, "method"), ["password", "oidc"] as const) ?? "password",
      secondFactor: passed ?? "none",
    };
  }
  if (action === "auth.secondFactorFailed") {
    const method = pick(field(event.data, "method"), ["totp", "recovery"] as const);
    return {
      ...entry,
      kind: "secondFactorFailed",
      reason: field(event.data, "reason"),
      method: null,
      secondFactor: method,
    };
  }
  return {
    ...entry,
    kind: "signInFailed",
    reason: field(event.data, "reason") ?? field(event.data, "scope"),
    method: pick(field(event.data, "method"), ["password", "oidc"] as const),
    secondFactor: null,
  };
}
