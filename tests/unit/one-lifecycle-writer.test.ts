import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LIFECYCLE_COLUMNS } from "@/modules/tenders/domain/lifecycle";

/**
 * The tender's lifecycle columns have one writer (src/modules/tenders/server/apply-tender-event.ts,
 * docs/decisions/0021). This reads every source file in src/ (tests aside) and fails on any
 * other Prisma write to Tender whose data names one of them, on a write whose data the
 * check cannot read (a spread or a variable it cannot follow), and on raw SQL that
 * updates or inserts into "Tender".
 */
const ROOT = path.resolve(__dirname, "../../src");
const WRITER = "modules/tenders/server/apply-tender-event.ts";
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
]);
const COLUMNS = new Set<string>(LIFECYCLE_COLUMNS);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // a module's testing/ folder is test set-up, which may place a tender in any state, as tests/factories does
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "testing" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Problems in one file's source text. */
export function lifecycleWrites(fileName: string, text: string): string[] {
  if (!/\.tender\b|"Tender"/.test(text)) return [];
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const literalOf = (node: ts.Expression | undefined): ts.ObjectLiteralExpression | null => {
    if (!node) return null;
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isIdentifier(node)) {
      // follow `const data = { ... }` in the same file
      let found: ts.ObjectLiteralExpression | null = null;
      source.forEachChild(function visit(n) {
        if (
          ts.isVariableDeclaration(n) &&
          ts.isIdentifier(n.name) &&
          n.name.text === node.text &&
          n.initializer &&
          ts.isObjectLiteralExpression(n.initializer)
        )
          found = n.initializer;
        n.forEachChild(visit);
      });
      return found;
    }
    return null;
  };
  const checkData = (data: ts.Expression | undefined, at: ts.Node) => {
    if (!data) return;
    while (ts.isParenthesizedExpression(data)) data = data.expression;
    const candidates = ts.isConditionalExpression(data) ? [data.whenTrue, data.whenFalse] : [data];
    for (const candidate of candidates) {
      const literal = literalOf(candidate);
      if (!literal) {
        problems.push(`${where(at)} writes Tender with data the check cannot read`);
        continue;
      }
      for (const property of literal.properties) {
        // `...(cond ? { a } : {})` is read like the object it spreads; any other spread is not
        if (ts.isSpreadAssignment(property)) checkSpread(property);
        else if (
          property.name &&
          (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) &&
          COLUMNS.has(property.name.text)
        ) {
          problems.push(`${where(property)} writes Tender.${property.name.text}`);
        }
      }
    }
  };
  const checkSpread = (spread: ts.SpreadAssignment) => {
    let inner = spread.expression;
    while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
    const parts = ts.isConditionalExpression(inner) ? [inner.whenTrue, inner.whenFalse] : [inner];
    if (parts.every((part) => ts.isObjectLiteralExpression(part))) checkData(inner, spread);
    else problems.push(`${where(spread)} spreads into Tender data`);
  };
  source.forEachChild(function visit(node) {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      WRITES.has(node.expression.name.text)
    ) {
      const target = node.expression.expression;
      if (ts.isPropertyAccessExpression(target) && target.name.text === "tender") {
        const [args] = node.arguments;
        const options = args && ts.isObjectLiteralExpression(args) ? args : null;
        if (!options) problems.push(`${where(node)} writes Tender with arguments the check cannot read`);
        for (const property of options?.properties ?? []) {
          if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
          const name = property.name.getText(source);
          if (name === "data" || name === "create" || name === "update") {
            checkData(ts.isPropertyAssignment(property) ? property.initializer : property.name, property);
          }
        }
      }
    }
    if (ts.isTemplateLiteral(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (/\b(UPDATE|INSERT\s+INTO)\s+"Tender"(\s|$)/i.test(node.getText(source)))
        problems.push(`${where(node)} writes "Tender" in SQL`);
    }
    node.forEachChild(visit);
  });
  return problems;
}

describe("the tender's lifecycle columns", () => {
  it("are written by the lifecycle writer alone", () => {
    const problems = sourceFiles(ROOT)
      .filter((file) => path.relative(ROOT, file) !== WRITER)
      .flatMap((file) => lifecycleWrites(path.relative(ROOT, file), readFileSync(file, "utf8")));
    expect(problems).toEqual([]);
  }, 60_000);

  it("the check finds the writes it is meant to find", () => {
    const found = lifecycleWrites(
      "x.ts",
      `
      await tx.tender.update({ where: { id }, data: { status: "FAILED", failedAt: now } });
      const data = { nextCheckAt: null };
      await tx.tender.updateMany({ where: {}, data });
      await db.tender.update({ where: { id }, data: { ...rest, ...(ok ? { failureKind: k } : {}) } });
      await tx.tender.update({ where: { id }, data: ok ? { announcedAt: now } : { openingPublicKey: key } });
      await tx.$executeRaw\`UPDATE "Tender" SET status = 'FAILED'\`;
      await tx.tender.update({ where: { id }, data: { openingPublicKey: key } });
      `,
    );
    expect(found).toEqual([
      "x.ts:2 writes Tender.status",
      "x.ts:2 writes Tender.failedAt",
      "x.ts:3 writes Tender.nextCheckAt",
      "x.ts:5 spreads into Tender data",
      "x.ts:5 writes Tender.failureKind",
      "x.ts:6 writes Tender.announcedAt",
      'x.ts:7 writes "Tender" in SQL',
    ]);
  });
});
