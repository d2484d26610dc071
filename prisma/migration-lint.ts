// The expand-then-contract rule for migrations (docs/decisions/0018-rolling-upgrades.md):
// during a rolling upgrade the previous release's code runs against the new schema, so a
// migration may only add to it. A statement that would break that code (a table or column
// it reads gone or renamed, a column's type changed, a NOT NULL its INSERTs do not fill) is
// allowed only in a contract migration, one that names the release which stopped using
// what it removes:  -- contract: stopped being used in release <commit or vX.Y.Z>
export type Destructive =
  // also a view, type, function, schema or sequence the old code may use
  | "DROP TABLE"
  | "DROP COLUMN"
  | "RENAME"
  | "ALTER COLUMN TYPE"
  | "SET NOT NULL without a default"
  | "ADD COLUMN NOT NULL without a default";

export interface Finding {
  kind: Destructive;
  statement: string;
}

const CONTRACT_MARKER = /^--\s*contract:\s*stopped being used in release\s+(v\d+\.\d+\.\d+|[0-9a-f]{7,40})\s*$/im;

/** The release a contract migration names, or null when it names none. */
export function contractRelease(sql: string): string | null {
  return CONTRACT_MARKER.exec(sql)?.[1] ?? null;
}

/** Comments, string literals and dollar-quoted bodies removed; quoted identifiers kept as names. */
function codeOnly(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, "''")
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"((?:[^"]|"")*)"/g, (_m, name: string) => `"${name.replace(/\s/g, "_")}"`);
}

/** Splits on `sep` outside parentheses. */
function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === sep && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  return [...parts, current];
}

const DROP_OBJECT = /^DROP\s+(TABLE|VIEW|MATERIALIZED\s+VIEW|TYPE|FUNCTION|SCHEMA|SEQUENCE)\b/;
const NOT_A_COLUMN = /^(CONSTRAINT|DEFAULT|NOT\s+NULL|IDENTITY|EXPRESSION)\b/;

function alterTableFindings(actions: string[], defaulted: Set<string>): Destructive[] {
  const kinds: Destructive[] = [];
  for (const action of actions.map((a) => a.trim())) {
    const drop = /^DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(.*)$/.exec(action);
    if (drop && !NOT_A_COLUMN.test(drop[1]!)) kinds.push("DROP COLUMN");
    if (/\bRENAME\b/.test(action)) kinds.push("RENAME");
    if (/^ALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/.test(action)) kinds.push("ALTER COLUMN TYPE");
    const notNull = /^ALTER\s+(?:COLUMN\s+)?(\S+)\s+SET\s+NOT\s+NULL\b/.exec(action);
    if (notNull && !defaulted.has(notNull[1]!)) kinds.push("SET NOT NULL without a default");
    const added = /^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(\S+)\s+(.*)$/.exec(action);
    if (
      added &&
      !/^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\b/.test(added[1]!) &&
      /\bNOT\s+NULL\b/.test(added[2]!) &&
      !/\b(DEFAULT|GENERATED)\b/.test(added[2]!)
    ) {
      kinds.push("ADD COLUMN NOT NULL without a default");
    }
  }
  return kinds;
}

/** Every statement of a migration that the previous release's code would trip over. */
export function destructiveStatements(sql: string): Finding[] {
  const statements = splitTopLevel(codeOnly(sql), ";")
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  // columns this migration gives a default: a NOT NULL on them breaks no INSERT of the old code
  const defaulted = new Set<string>();
  for (const s of statements)
    for (const m of s.toUpperCase().matchAll(/ALTER\s+(?:COLUMN\s+)?(\S+)\s+SET\s+DEFAULT\b/g)) defaulted.add(m[1]!);
  const findings: Finding[] = [];
  for (const statement of statements) {
    const upper = statement.toUpperCase();
    const kinds: Destructive[] = [];
    if (DROP_OBJECT.test(upper)) kinds.push("DROP TABLE");
    const alterTable = /^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?\S+\s+(.*)$/.exec(upper);
    if (alterTable) kinds.push(...alterTableFindings(splitTopLevel(alterTable[1]!, ","), defaulted));
    if (/^ALTER\s+(TYPE|SCHEMA|VIEW|FUNCTION|SEQUENCE)\b.*\bRENAME\b/.test(upper)) kinds.push("RENAME");
    for (const kind of new Set(kinds)) findings.push({ kind, statement });
  }
  return findings;
}
