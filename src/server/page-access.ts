import "server-only";
import { notFound, redirect } from "next/navigation";
import { isUuid } from "@/lib/ids";
import type { Actor } from "@/modules/auth/domain";
import { isAppError } from "./errors";
import { getActor } from "./session";

/** The signed-in actor for a page, or a redirect to sign-in that comes back to `path`. */
export async function pageActor(path: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/masuk?callbackUrl=${encodeURIComponent(path)}`);
  return actor;
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
