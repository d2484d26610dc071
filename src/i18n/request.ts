import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./locales";
import { loadMessages } from "./messages";

// No locale in the URL: the choice lives in a cookie, so every address stays the same
// in both languages (links shared between vendors keep working).
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Jakarta" };
});
