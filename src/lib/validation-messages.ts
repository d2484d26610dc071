import type { z } from "zod";

type Values = Record<string, string | number>;
export type Translate = (key: string, values?: Values) => string;

/** A figure for a message: bigint limits (rupiah) and dates as plain text. */
const figure = (value: number | bigint): string | number => (typeof value === "bigint" ? value.toString() : value);

const isEmpty = (input: unknown) =>
  input === undefined || input === null || (typeof input === "string" && input.trim() === "");

const NUMERIC = new Set(["number", "int", "bigint", "nan"]);

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): { key: string; values?: Values } {
  const minimum = figure(issue.minimum);
  if (issue.origin === "string")
    return minimum === 1 ? { key: "fieldRequired" } : { key: "validation.tooShort", values: { minimum } };
  if (issue.origin === "array" || issue.origin === "set") return { key: "validation.tooFew", values: { minimum } };
  if (issue.origin === "date") return { key: "dateInvalid" };
  return { key: issue.inclusive === false ? "validation.mustExceed" : "validation.tooSmall", values: { minimum } };
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): { key: string; values?: Values } {
  const maximum = figure(issue.maximum);
  if (issue.origin === "string") return { key: "validation.tooLong", values: { maximum } };
  if (issue.origin === "array" || issue.origin === "set") return { key: "validation.tooMany", values: { maximum } };
  if (issue.origin === "date") return { key: "dateInvalid" };
  return { key: "validation.tooBig", values: { maximum } };
}

/**
 * The product's own message (a key in errors.json and its values) for a validation
 * problem the schema did not name itself. Schemas that name a key keep it: zod prefers a
 * schema's own message to this map.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): { key: string; values?: Values } {
  switch (issue.code) {
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_type":
      if (isEmpty(issue.input)) return { key: "fieldRequired" };
      if (NUMERIC.has(issue.expected)) return { key: "validation.notANumber" };
      return { key: issue.expected === "date" ? "dateInvalid" : "validation.invalid" };
    case "invalid_format":
      if (isEmpty(issue.input)) return { key: "fieldRequired" };
      if (issue.format === "email") return { key: "emailInvalid" };
      if (["date", "datetime", "time", "duration"].includes(issue.format)) return { key: "dateInvalid" };
      // an id in a form is a choice from a list (a work unit, a vendor)
      return { key: ["uuid", "guid"].includes(issue.format) ? "validation.choice" : "validation.format" };
    case "invalid_value":
      return isEmpty(issue.input) ? { key: "fieldRequired" } : { key: "validation.choice" };
    case "not_multiple_of":
      return { key: "validation.notANumber" };
    default:
      return isEmpty(issue.input) && issue.code !== "unrecognized_keys"
        ? { key: "fieldRequired" }
        : { key: "validation.invalid" };
  }
}

/** The zod error map the action wrapper parses with, in the user's language. */
export const productErrorMap =
  (t: Translate): z.core.$ZodErrorMap =>
  (issue) => {
    const { key, values } = issueMessage(issue);
    return t(key, values);
  };
