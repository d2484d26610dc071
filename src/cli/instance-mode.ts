// What `npm start` does with the database it finds, by SEGEL_DEMO (docs/decisions/0031).
// Pure, so every combination is unit-tested.

/** SEGEL_DEMO: unset or 1 keeps the demo (people trying Segel); 0 starts an empty instance. */
export function readDemoSetting(value: string | undefined): boolean | { error: string } {
  const v = (value ?? "").trim().toLowerCase();
  if (["", "1", "true", "yes", "on"].includes(v)) return true;
  if (["0", "false", "no", "off"].includes(v)) return false;
  return { error: `SEGEL_DEMO must be 0 (an empty instance) or 1 (the demo), not "${value}".` };
}

export type StartPlan =
  { kind: "seedDemo" } | { kind: "prepareEmpty"; isNew: boolean } | { kind: "refuse"; message: string };

/**
 * The demo's accounts share one published password, so the demo and a real LPSE never
 * share a database: each refuses the other's, and nothing is deleted to make room.
 */
export function planStart(isDemo: boolean, instanceCodes: readonly string[], demoCode: string): StartPlan {
  const hasDemo = instanceCodes.includes(demoCode);
  const hasOwn = instanceCodes.some((code) => code !== demoCode);
  if (isDemo && hasOwn)
    return {
      kind: "refuse",
      message:
        "This database was set up as an empty instance (SEGEL_DEMO=0). The demo would add accounts whose password is published, so it is not added: start with SEGEL_DEMO=0, or give the demo its own database.",
    };
  if (isDemo) return { kind: "seedDemo" };
  if (hasDemo)
    return {
      kind: "refuse",
      message:
        "This database holds the demo, whose accounts share a published password; it cannot become a real LPSE. Start the empty instance on a new database (another DATABASE_URL, or move .data/ aside), or start without SEGEL_DEMO=0 to keep using the demo.",
    };
  return { kind: "prepareEmpty", isNew: !hasOwn };
}
