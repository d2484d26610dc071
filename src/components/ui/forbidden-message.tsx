import { useTranslations } from "next-intl";

/**
 * Shown when a signed-in user opens a page their role does not cover. The data read
 * itself refuses as well (AppError FORBIDDEN); this only says so politely.
 */
export function ForbiddenMessage({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const t = useTranslations("common.forbidden");
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <Heading className="text-xl font-semibold text-red-900">{t("title")}</Heading>
      <p className="mt-2 text-red-900">{t("body")}</p>
    </div>
  );
}
