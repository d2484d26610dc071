import { Role } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";

/** The roles the actor holds, once each, in the order of the Role enum (a stable page layout). */
export function heldRoles(actor: Actor): Role[] {
  return Object.values(Role).filter((role) => hasRole(actor, role));
}

/**
 * The agencies in which the actor holds `role`. Every agency-scoped dashboard read filters
 * by this list, so a PPK of one agency never sees another agency's pakets.
 * Throws FORBIDDEN when the role is not held at all: the read itself is the guard.
 */
export function agencyScope(actor: Actor, role: Role): string[] {
  if (!hasRole(actor, role)) throw new AppError("FORBIDDEN");
  return [
    ...new Set(
      actor.memberships.filter((m) => m.role === role && m.agencyId !== null).map((m) => m.agencyId as string),
    ),
  ];
}

export function assertRole(actor: Actor, role: Role): void {
  if (!hasRole(actor, role)) throw new AppError("FORBIDDEN");
}
