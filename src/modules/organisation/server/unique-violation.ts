import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";

/** Runs a write and turns a unique-index refusal into CONFLICT with `messageKey`. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, messageKey: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", messageKey);
    throw error;
  }
}
