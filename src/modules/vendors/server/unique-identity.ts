import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { npwpEquivalents } from "../domain/npwp";

/**
 * Refuses an NPWP or NIB another vendor already holds (the NPWP in either its 15- or
 * 16-digit form). Both are named at once, so the company fixes everything in one go.
 */
export async function assertIdentityFree(tx: Tx, input: { npwp: string; nib: string }, exceptVendorId?: string) {
  const others = await tx.vendor.findMany({
    where: {
      OR: [{ npwp: { in: npwpEquivalents(input.npwp) } }, { nib: input.nib }],
      ...(exceptVendorId ? { id: { not: exceptVendorId } } : {}),
    },
    select: { npwp: true, nib: true },
  });
  const fieldErrors: Record<string, string[]> = {};
  if (others.some((v) => npwpEquivalents(input.npwp).includes(v.npwp))) fieldErrors.npwp = ["vendorNpwpTaken"];
  if (others.some((v) => v.nib === input.nib)) fieldErrors.nib = ["vendorNibTaken"];
  if (fieldErrors.npwp) throw new AppError("CONFLICT", "vendorNpwpTaken", {}, fieldErrors);
  if (fieldErrors.nib) throw new AppError("CONFLICT", "vendorNibTaken", {}, fieldErrors);
}

/** A user e-mail is one account, whatever its capitals (sign-in matches case-insensitively). */
export async function assertEmailFree(tx: Tx, email: string, field: string) {
  const taken = await tx.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true },
  });
  if (taken) throw new AppError("CONFLICT", "userEmailTaken", {}, { [field]: ["userEmailTaken"] });
}

/** A unique index caught what the checks above raced past: the same answer, not a crash. */
export function uniqueViolation(error: unknown, fields: Record<string, string>): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const target = JSON.stringify(error.meta ?? {});
  const [column, field] = Object.entries(fields).find(([col]) => target.includes(col)) ?? Object.entries(fields)[0]!;
  const key = column === "email" ? "userEmailTaken" : column === "npwp" ? "vendorNpwpTaken" : "vendorNibTaken";
  return new AppError("CONFLICT", key, {}, { [field]: [key] });
}
