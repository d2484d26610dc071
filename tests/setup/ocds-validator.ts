import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

/**
 * The tests' one OCDS 1.1.5 validator: the standard's JSON Schemas (draft-04) from the
 * repository's own copy in vendor/ocds/1.1.5 (Apache 2.0, see its README), registered by
 * their `id` so nothing is fetched, plus OCDS's own checks that a schema cannot state.
 * Each function returns the list of errors as readable lines: empty means valid.
 */

const schemaDir = fileURLToPath(new URL("../../vendor/ocds/1.1.5/", import.meta.url));
const base = "https://standard.open-contracting.org/schema/1__1__5/";

// allErrors: a test failure names every problem at once. strict off: the OCDS schemas carry
// their own keywords (codelist, openCodelist, mergeStrategy, deprecated) that ajv must ignore.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
addFormats(ajv);
for (const file of ["release-schema.json", "release-package-schema.json", "record-package-schema.json"]) {
  ajv.addSchema(JSON.parse(readFileSync(schemaDir + file, "utf8")) as object);
}
// Segel publishes no versioned releases (its records carry the releases and a compiled
// release); the standard's versioned schema is not vendored, and this stub refuses one.
ajv.addSchema({ id: `${base}versioned-release-validation-schema.json`, not: {} });

function validatorFor(file: string): ValidateFunction {
  const validate = ajv.getSchema(base + file);
  if (!validate) throw new Error(`OCDS schema ${file} is not registered`);
  return validate;
}

const releaseValidator = validatorFor("release-schema.json");
const releasePackageValidator = validatorFor("release-package-schema.json");
const recordPackageValidator = validatorFor("record-package-schema.json");

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

export function validateRelease(obj: unknown): string[] {
  return releaseValidator(obj) ? [] : describe(releaseValidator.errors);
}

export function validateReleasePackage(obj: unknown): string[] {
  return releasePackageValidator(obj) ? [] : describe(releasePackageValidator.errors);
}

export function validateRecordPackage(obj: unknown): string[] {
  return recordPackageValidator(obj) ? [] : describe(recordPackageValidator.errors);
}

/** The fields of one CSV line (RFC 4180 quoting; the codelists hold no line breaks in a field). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === "," && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  return [...fields, field];
}

/** The codes of one of the standard's codelists (its "Code" column). */
function codelist(name: string): Set<string> {
  const [header, ...lines] = readFileSync(`${schemaDir}codelists/${name}.csv`, "utf8").split(/\r?\n/);
  const column = csvFields(header ?? "").indexOf("Code");
  if (column < 0) throw new Error(`OCDS codelist ${name}.csv has no Code column`);
  return new Set(lines.filter(Boolean).map((line) => csvFields(line)[column] ?? ""));
}

// Open codelists: the schema accepts any string, OCDS asks for the listed codes where one fits.
// Segel uses only listed codes, so an unknown one is a bug here.
const openCodelists = {
  partyRole: codelist("partyRole"),
  documentType: codelist("documentType"),
  milestoneType: codelist("milestoneType"),
  relatedProcess: codelist("relatedProcess"),
  extendedProcurementCategory: codelist("extendedProcurementCategory"),
};

type Json = Record<string, unknown>;
const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function checkCodes(where: string, values: unknown, list: Set<string>, name: string, errors: string[]) {
  for (const value of Array.isArray(values) ? values : values === undefined ? [] : [values]) {
    if (typeof value !== "string" || !list.has(value)) errors.push(`${where}: ${String(value)} is not in ${name}.csv`);
  }
}

function checkReleaseCodes(release: Json, where: string, errors: string[]) {
  for (const party of asArray(release.parties))
    checkCodes(`${where} party ${String(party.id)}`, party.roles, openCodelists.partyRole, "partyRole", errors);
  const tender = (release.tender ?? {}) as Json;
  const documents = [
    ...asArray(tender.documents),
    ...asArray(release.awards).flatMap((a) => asArray(a.documents)),
    ...asArray(release.contracts).flatMap((c) => asArray(c.documents)),
  ];
  for (const doc of documents)
    checkCodes(
      `${where} document ${String(doc.id)}`,
      doc.documentType,
      openCodelists.documentType,
      "documentType",
      errors,
    );
  for (const m of asArray(tender.milestones))
    checkCodes(`${where} milestone ${String(m.id)}`, m.type, openCodelists.milestoneType, "milestoneType", errors);
  for (const rp of asArray(release.relatedProcesses))
    checkCodes(`${where} relatedProcess`, rp.relationship, openCodelists.relatedProcess, "relatedProcess", errors);
  checkCodes(
    `${where} additionalProcurementCategories`,
    tender.additionalProcurementCategories,
    openCodelists.extendedProcurementCategory,
    "extendedProcurementCategory",
    errors,
  );
}

/**
 * OCDS's own checks over a release package or a record package (or a bare list of
 * releases): every ocid starts with the instance's prefix and a dash; release ids are
 * unique within an ocid; a record's releases and compiled release carry the record's
 * ocid; every party role, document type, milestone type and related-process code comes
 * from the standard's codelists.
 */
export function ocdsChecks(pkg: unknown, prefix: string): string[] {
  const errors: string[] = [];
  const body = (pkg ?? {}) as Json;
  const groups: { ocid?: string; releases: Json[]; compiled?: Json }[] = Array.isArray(pkg)
    ? [{ releases: pkg as Json[] }]
    : body.records !== undefined
      ? asArray(body.records).map((r) => ({
          ocid: String(r.ocid),
          releases: asArray(r.releases),
          compiled: r.compiledRelease as Json | undefined,
        }))
      : [{ releases: asArray(body.releases) }];

  const idsByOcid = new Map<string, Set<string>>();
  for (const group of groups) {
    if (group.ocid !== undefined && !group.ocid.startsWith(`${prefix}-`))
      errors.push(`record ${group.ocid}: ocid does not start with ${prefix}-`);
    const all = group.compiled ? [...group.releases, group.compiled] : group.releases;
    for (const release of all) {
      const ocid = String(release.ocid);
      const where = `release ${ocid}/${String(release.id)}`;
      if (!ocid.startsWith(`${prefix}-`)) errors.push(`${where}: ocid does not start with ${prefix}-`);
      if (group.ocid !== undefined && release.ocid !== undefined && ocid !== group.ocid)
        errors.push(`${where}: ocid differs from its record's ${group.ocid}`);
      // Linked releases (url + date + tag) carry no id and no body to check.
      if (release.id === undefined) continue;
      checkReleaseCodes(release, where, errors);
      if (release === group.compiled) continue;
      const ids = idsByOcid.get(ocid) ?? new Set<string>();
      if (ids.has(String(release.id))) errors.push(`${where}: release id repeated within the ocid`);
      ids.add(String(release.id));
      idsByOcid.set(ocid, ids);
    }
  }
  return errors;
}
