"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { action } from "@/server/action";
import { LOCALE_COOKIE, LOCALES } from "./locales";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

const schema = z.object({ locale: z.enum(LOCALES) });

/**
 * Switches the interface language. Public, since visitors read tenders too. The choice
 * lives in a cookie (no locale in URLs, see src/i18n/request.ts). Only the server reads
 * it, so it can be httpOnly.
 */
export const setLocaleAction = action(
  schema,
  async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, {
      maxAge: ONE_YEAR_SECONDS,
      path: "/",
      sameSite: "lax",
      httpOnly: true,
    });
    // Every page renders text in the chosen language, so the whole tree is stale.
    revalidatePath("/", "layout");
    return { locale };
  },
  // a cookie, nothing in the database: it works during maintenance
  { public: true, duringMaintenance: true },
);
