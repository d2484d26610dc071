import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Commonly used and breached passwords: the list @zxcvbn-ts/language-common bundles
 * (about 49 000, drawn from public breach corpora), offline, since a breach API is not
 * reachable from every LPSE. Lower-cased, as password-policy.ts compares.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  (dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()),
);
