import "server-only";
import { sealedKey } from "@/modules/bids";
import { qualificationRequirementsSchema } from "@/modules/qualification";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { planPeople } from "./match-people";
import type { VerifiedBundle } from "./verify-bundle";
import { CARRIED_TABLES } from "./transfer-tables";
import { tableRows } from "./write-imported-rows";

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

/** Tables the import writes or reads (the export's own list); one it does not know, with rows, refuses the bundle. */
const KNOWN_TABLES = new Set<string>(CARRIED_TABLES);
/** Rows only an opened or awarded tender has, which never travels (decision 0040) */
const EMPTY_BEFORE_OPENING = ["BidDefect"];
/** Before the opening a tender can have only the sanggah against a seleksi's prakualifikasi result. */
const SANGGAH_BEFORE_OPENING = "SANGGAH_PRAKUALIFIKASI";

export type ImportPlan = Awaited<ReturnType<typeof planImport>>;

/**
 * Everything about the tender checked against this instance before a byte is written: the
 * tables it carries, that it is announced and not opened, that its code, id and bundle are
 * new here, its procedure, the people and companies (match-people.ts), and that a matched
 * Pokja member's opening key is the bundle's.
 */
export async function planImport(verified: VerifiedBundle, agencyId: string) {
  const { data, manifest } = verified;
  for (const [table, rows] of Object.entries(data.tables)) {
    if (EMPTY_BEFORE_OPENING.includes(table) && rows.length > 0) throw refuse("tableUnsupported", { table });
    if (!KNOWN_TABLES.has(table) && rows.length > 0) throw refuse("tableUnsupported", { table });
  }
  for (const sanggah of tableRows(data, "Sanggah"))
    if (sanggah.kind !== SANGGAH_BEFORE_OPENING) throw refuse("tableUnsupported", { table: "Sanggah" });
  for (const table of ["Paket", "Tender", "ProcedureConfig", "WorkUnit"])
    if (tableRows(data, table).length !== 1) throw refuse("rowMissing", { table });
  const tender = tableRows(data, "Tender")[0]!;
  assertReferencesInside(data, tender.id as string, tableRows(data, "Paket")[0]!.id as string);
  const code = tender.code as string;
  if (tender.id !== manifest.tender.id || code !== manifest.tender.code)
    throw refuse("rowMissing", { table: "Tender" });
  const status = tender.status as string;
  if ((status !== "PUBLISHED" && status !== "EVALUATION") || tender.openedAt || !tender.publishedAt)
    throw refuse("statusNotImportable", { code, status });
  if (tender.priceOpenedAt || tender.priceKeyWrapped) throw refuse("statusNotImportable", { code, status });
  // the one check of the requirements' JSON, as the set-up form's (qualification module)
  if (
    tender.qualificationRequirements != null &&
    !qualificationRequirementsSchema.safeParse(tender.qualificationRequirements).success
  )
    throw refuse("requirementsInvalid", { code });
  if ((await db.tender.count({ where: { code } })) > 0) throw refuse("tenderCodeExists", { code });
  if ((await db.tender.count({ where: { id: tender.id as string } })) > 0)
    throw refuse("tenderIdExists", { code, id: tender.id as string });
  const rupCode = tableRows(data, "Paket")[0]!.rupCode as string;
  if ((await db.paket.count({ where: { agencyId, rupCode } })) > 0) throw refuse("paketRupExists", { rupCode });
  if ((await db.importedTender.count({ where: { manifestSha256: verified.manifestSha256 } })) > 0)
    throw refuse("bundleAlreadyImported", { sha256: verified.manifestSha256 });

  const procedureKey = tableRows(data, "ProcedureConfig")[0]!.key as string;
  const procedure = await db.procedureConfig.findUnique({ where: { key: procedureKey }, select: { id: true } });
  if (!procedure) throw refuse("procedureUnknown", { key: procedureKey });
  const rule = tableRows(data, "MethodRule")[0];
  const localRule = rule
    ? await db.methodRule.findUnique({
        where: {
          category_effectiveFrom: { category: rule.category as never, effectiveFrom: rule.effectiveFrom as Date },
        },
        select: { id: true },
      })
    : null;

  const people = await planPeople(data);
  const known = new Set(data.people.map((p) => p.id));
  // a Pokja member who already holds an opening key here must hold the same one, or could not open
  for (const key of tableRows(data, "UserOpeningKey")) {
    if (!known.has(key.userId as string)) throw refuse("personMissing", { id: key.userId as string });
    const local = people.matched.get(key.userId as string);
    if (!local) continue;
    const existing = await db.userOpeningKey.findUnique({ where: { userId: local.id }, select: { publicKey: true } });
    if (existing && existing.publicKey !== key.publicKey) throw refuse("openingKeyDiffers", { email: local.email });
  }
  const objects = [
    ...tableRows(data, "Document").map((r) => ({
      key: `objects/${r.storageKey as string}`,
      sha256: r.sha256 as string,
    })),
    ...tableRows(data, "BidFile").map((r) => ({
      key: sealedKey(r.storageKey as string),
      sha256: r.ciphertextSha256 as string,
    })),
  ];
  return { code, tender, procedureId: procedure.id, methodRuleId: localRule?.id ?? null, people, objects };
}

/** Columns that name another row of the same tender; the import writes them as they are. */
const INSIDE_REFERENCES = [
  ...["bidId", "questionId", "answerId", "stageId", "documentId", "replacedById", "sanggahId", "appealOfId"],
];

/**
 * Every reference between the bundle's rows stays inside the tender: a signed bundle (from a
 * source that was itself hacked) may not add a stage, an HPS line or a bid file to a tender,
 * paket or bid of this instance by naming its id.
 */
function assertReferencesInside(data: VerifiedBundle["data"], tenderId: string, paketId: string) {
  const own = new Set<string>();
  for (const table of Object.keys(data.tables))
    for (const row of tableRows(data, table)) if (typeof row.id === "string") own.add(row.id);
  for (const table of Object.keys(data.tables)) {
    if (table === "AuditEvent") continue; // kept as history, never as a reference
    for (const row of tableRows(data, table)) {
      const outside = (column: string, ok: (v: string) => boolean) => {
        const value = row[column];
        if (value !== null && value !== undefined && !(typeof value === "string" && ok(value)))
          throw refuse("referenceOutside", { table, column, id: String(value) });
      };
      outside("tenderId", (v) => v === tenderId);
      outside("paketId", (v) => v === paketId);
      for (const column of INSIDE_REFERENCES) outside(column, (v) => own.has(v));
    }
  }
}
