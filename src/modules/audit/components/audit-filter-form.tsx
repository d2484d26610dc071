import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { FilterProblem } from "../audit.schemas";

const FIELD =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700";

type Values = Partial<Record<"tender" | "entityType" | "entityId" | "actor" | "action" | "from" | "to", string>>;

/**
 * The audit trail's filters as a plain GET form: it works without JavaScript, a result
 * has an address to share, and applying it starts at the newest page (no cursor is sent).
 * `values` are what was typed (shown back even when wrong), `problems` the server's verdict.
 */
export async function AuditFilterForm(props: {
  values: Values;
  problems: Record<string, FilterProblem>;
  zone: string;
}) {
  const [t, e] = await Promise.all([getTranslations("dashboard.audit.filter"), getTranslations("errors")]);
  const field = (name: keyof Values, type: string, hint?: string, maxLength = 100): ReactNode => {
    const problem = props.problems[name];
    const id = `filter-${name}`;
    return (
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {t(name)}
        </label>
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={(props.values[name] ?? "").slice(0, 200)}
          maxLength={type === "date" ? undefined : maxLength}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem || hint ? `${id}-note` : undefined}
          className={FIELD}
        />
        {problem ? (
          <p id={`${id}-note`} className="text-xs text-red-800">
            {e(problem.key, problem.values)}
          </p>
        ) : hint ? (
          <p id={`${id}-note`} className="text-xs text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    );
  };
  const hasProblems = Object.keys(props.problems).length > 0;
  return (
    <form method="get" action="/audit" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="grid min-w-0 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-base font-semibold">{t("legend")}</legend>
        {field("tender", "search", t("tenderHint"), 40)}
        {field("actor", "search", t("actorHint"))}
        {field("action", "search", t("actionHint"), 60)}
        {field("entityType", "search", t("entityTypeHint"), 40)}
        {field("entityId", "search")}
        {field("from", "date", t("zoneHint", { zone: props.zone }))}
        {field("to", "date")}
      </fieldset>
      {hasProblems ? (
        <p role="alert" className="text-sm text-red-800" data-testid="filter-problems">
          {t("invalid")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/audit" className="text-sm underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
