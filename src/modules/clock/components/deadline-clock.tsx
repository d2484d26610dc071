"use client";

import { formatTimeInZone, type DisplayLocale } from "@/lib/time";
import { formatRemaining, type CountdownWords } from "../domain/countdown";
import { useServerNow } from "./server-clock";

export interface DeadlineClockWords extends CountdownWords {
  serverTime: string;
  remaining: string;
  passed: string;
}

/**
 * The server's time to the second and what is left before `deadline`, both by the
 * server's clock. role=timer is not announced each second; the status line the page
 * flips at the deadline is.
 */
export function DeadlineClock({
  deadline,
  timeZone,
  locale,
  words,
}: {
  deadline: number;
  timeZone: string;
  locale: DisplayLocale;
  words: DeadlineClockWords;
}) {
  const now = useServerNow();
  const left = deadline - now;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="deadline-clock">
      <div className="flex gap-2">
        <dt className="text-slate-600">{words.serverTime}</dt>
        <dd className="tabular-nums" data-testid="server-time">
          {formatTimeInZone(new Date(now), timeZone, locale, { seconds: "always" })}
        </dd>
      </div>
      <div className="flex gap-2">
        <dt className="text-slate-600">{words.remaining}</dt>
        {/* the timer role on a span: a <dd> with a role of its own is no longer a definition,
            and the list around it breaks (axe definition-list) */}
        <dd className="font-semibold tabular-nums" data-testid="countdown">
          <span role="timer">
            {left > 0 ? formatRemaining(left, words, locale === "id" ? "." : ":") : words.passed}
          </span>
        </dd>
      </div>
    </dl>
  );
}
