import { loadMessages } from "@/i18n/messages";

// Next's request scope (headers, cookies, the locale) does not exist outside Next. A test
// that calls a route or an action directly stands it in with these, and nothing else: the
// cookie it sets is a real next-auth JWT of a real UserSession row, and each request runs
// through the real code and PostgreSQL. In the test file:
//   vi.mock("next/headers", async () => (await import("@/tests/setup/next-request-scope")).nextHeaders);
//   vi.mock("next-intl/server", async () => (await import("@/tests/setup/next-request-scope")).nextIntlServer);
// and set `requestScope.headers` / `requestScope.locale` per request.

export const requestScope: { headers: Headers; locale: "id" | "en" } = { headers: new Headers(), locale: "id" };

const allCookies = () =>
  (requestScope.headers.get("cookie") ?? "")
    .split("; ")
    .filter(Boolean)
    .map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1) }));

export const nextHeaders = {
  headers: async () => requestScope.headers,
  cookies: async () => ({
    getAll: allCookies,
    get: (name: string) => allCookies().find((c) => c.name === name),
    set: () => undefined,
  }),
};

export const nextIntlServer = {
  getLocale: async () => requestScope.locale,
  getTranslations: async ({ locale, namespace }: { locale: "id" | "en"; namespace: string }) => {
    const { createTranslator } = await import("next-intl");
    return createTranslator({ locale, messages: (await loadMessages(locale)) as never, namespace: namespace as never });
  },
};
