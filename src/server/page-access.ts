import "server-only";
import { notFound, redirect } from "next/navigation";
import { isUuid } from "@/lib/ids";
import type { Actor } from "@/modules/auth/domain";
import { isAppError } from "./errors";
import { getSessionActor } from "./session";

/**
 * The signed-in actor for a page, or a redirect to sign-in that comes back to `path`. A
 * session whose sign-in is unfinished is sent to its step (the code at /masuk/dua-faktor,
 * enrolment at /akun/dua-faktor) unless the page is that step (`pendingSignIn`).
 */
export async function pageActor(path: string, options: { pendingSignIn?: boolean } = {}): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.pending && !options.pendingSignIn) redirect(pendingStepPath(actor.pending, path));
  return actor;
}

/** Where a session that still owes `pending` goes, coming back to `path` afterwards. */
export function pendingStepPath(pending: NonNullable<Actor["pending"]>, path: string): string {
  const step = pending === "secondFactor" ? "/masuk/dua-faktor" : "/akun/dua-faktor";
  return `${step}?callbackUrl=${encodeURIComponent(path)}`;
}

/**
 * Runs a read whose use case decides who may see it; a FORBIDDEN answer becomes null so
 * the page can show its refusal. The page never decides access itself.
 */
export async function unlessForbidden<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  }
}

/** Runs a read for a page; NOT_FOUND (which also hides what the actor may not see) becomes a 404. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** An id from a page's URL: anything but a UUID is a page that does not exist (404). */
export function pageId(value: string): string {
  if (!isUuid(value)) notFound();
  return value;
}
