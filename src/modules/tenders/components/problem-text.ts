"use client";

import { useTranslations } from "next-intl";

/**
 * Field errors from the tender use cases are message keys under tender.problem (the
 * schema's own messages arrive already translated). A field "schedule.<STAGE>" or
 * "stages.<n>.…" names its stage, so the text can say which one.
 */
export function useProblemText(stageKinds: readonly string[] = []) {
  const t = useTranslations("tender");
  return (field: string, message: string): string => {
    const [head, part] = field.split(".");
    const kind = head === "schedule" ? part : head === "stages" ? stageKinds[Number(part)] : undefined;
    const stage = kind && t.has(`stage.${kind}`) ? t(`stage.${kind}`) : "";
    return t.has(`problem.${message}`) ? t(`problem.${message}`, { stage }) : message;
  };
}

/** Every message of every field, translated, in order. */
export function problemList(
  fieldErrors: Record<string, string[]> | undefined,
  text: (field: string, message: string) => string,
): string[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) => messages.map((m) => text(field, m)));
}
