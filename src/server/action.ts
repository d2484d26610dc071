import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Actor } from "@/modules/auth/domain";
import { isLocale, type Locale } from "@/i18n/locales";
import { findUnsafeText } from "@/lib/safe-text";
import { productErrorMap } from "@/lib/validation-messages";
import { AppError } from "./errors";
import { assertWritable } from "./maintenance-gate";
import { getActor, getSessionActor } from "./session";
import { toUserError, type UserError } from "./user-error";

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & UserError);

interface Options {
  /** allow callers who are not signed in (registration, sign-in) */
  public?: boolean;
  /** also serve a session whose sign-in is unfinished (the second-factor step and TOTP enrolment) */
  pendingSignIn?: boolean;
  /**
   * runs while a maintenance window refuses writes: only what must work then (the second
   * factor of a sign-in, the administrator's maintenance actions) and what writes nothing
   */
  duringMaintenance?: boolean;
}

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, actor: Actor) => Promise<T>;
type PublicHandler<S extends z.ZodType, T> = (input: z.infer<S>, actor: Actor | null) => Promise<T>;

/** FormData from a <form action> becomes a plain object; repeated names become arrays. */
function toObject(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of raw.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

// Which schema each action validates with: lets the malformed-input test find every
// field of every action (tests/integration/malformed-input.int.test.ts).
const schemas = new WeakMap<object, z.ZodType>();
export const schemaOf = (serverAction: object): z.ZodType | undefined => schemas.get(serverAction);

/**
 * The one way a server action runs: session, validation, the use case, and errors turned
 * into messages in the user's language. The use case itself checks permission at the data.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
): (raw: unknown) => Promise<ActionResult<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: PublicHandler<S, T>,
  options: Options & { public: true },
): (raw: unknown) => Promise<ActionResult<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  options: Options & { pendingSignIn: true },
): (raw: unknown) => Promise<ActionResult<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  options: Options & { duringMaintenance: true },
): (raw: unknown) => Promise<ActionResult<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T> | PublicHandler<S, T>,
  options: Options = {},
) {
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    const localeValue = await getLocale();
    const locale: Locale = isLocale(localeValue) ? localeValue : "id";
    const t = await getTranslations({ locale, namespace: "errors" });
    try {
      // While a maintenance window runs the portal only reads (docs/decisions/0040).
      if (!options.duringMaintenance) await assertWritable(locale);
      const actor = options.pendingSignIn ? await getSessionActor() : await getActor();
      // A session still owing its second factor is not signed in for anything else (decision 0034).
      if (!actor && !options.public)
        throw new AppError(
          "UNAUTHENTICATED",
          (await getSessionActor())?.pending ? "secondFactorPending" : "UNAUTHENTICATED",
        );
      const input = toObject(raw);
      // Text PostgreSQL cannot store never reaches a schema, a use case or the database.
      const unsafe = findUnsafeText(input);
      if (unsafe !== null)
        return {
          ok: false,
          code: "VALIDATION",
          message: t("VALIDATION"),
          fieldErrors: { [unsafe]: [t("validation.unsafeText")] },
        };
      const parsed = schema.safeParse(input, { error: productErrorMap((key, values) => t(key, values)) });
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = issue.path.join(".") || "_form";
          // A schema's own message is a key of errors.json ("fieldRequired"); the map's are already translated.
          const text = t.has(issue.message) ? t(issue.message) : issue.message;
          (fieldErrors[field] ??= []).push(text);
        }
        return { ok: false, code: "VALIDATION", message: t("VALIDATION"), fieldErrors };
      }
      // Without `public`, actor is non-null here; public handlers accept null.
      return { ok: true, data: await (handler as PublicHandler<S, T>)(parsed.data, actor) };
    } catch (error) {
      return { ok: false, ...(await toUserError(error, locale, "server action")) };
    }
  };
  schemas.set(run, schema);
  return run;
}
