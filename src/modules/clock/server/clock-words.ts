import "server-only";
import { getTranslations } from "next-intl/server";
import type { DeadlineClockWords } from "../components/deadline-clock";

/** The clock's words in the request's language, resolved on the server and passed as props. */
export async function loadClockWords(): Promise<DeadlineClockWords> {
  const t = await getTranslations("common.clock");
  return {
    serverTime: t("serverTime"),
    remaining: t("remaining"),
    passed: t("passed"),
    day: t("day"),
    days: t("days"),
  };
}
