"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { windowPhase, type WindowPhase } from "../domain/countdown";
import { useServerNow } from "./server-clock";

export interface TimeWindow {
  startsAt: number;
  endsAt: number;
}

/** The phase of `windows` by the server's clock; empty windows (a tender not running) are always "after". */
export function useWindowPhase(windows: readonly TimeWindow[]): WindowPhase {
  return windowPhase(windows, useServerNow());
}

/**
 * Asks the server for the page again once the phase changes, so what only the server
 * knows (a receipt, a form's state) follows. Spread over up to 2 s: a thousand vendors
 * watching one deadline must not all reload the same instant. The visible flip does not
 * wait for it.
 */
function useRefreshOnChange(phase: WindowPhase) {
  const router = useRouter();
  const seen = useRef(phase);
  useEffect(() => {
    if (seen.current === phase) return;
    seen.current = phase;
    const timer = setTimeout(() => router.refresh(), Math.random() * 2000);
    return () => clearTimeout(timer);
  }, [phase, router]);
}

/**
 * Shows `children` while one of `windows` is open by the server's clock, `before` or
 * `after` otherwise, flipping at the boundary instant without a reload. With
 * `disableAfter` the children stay on screen, disabled, once the window has closed, so a
 * vendor sees what they had typed. The server still judges every request (decision 0005).
 */
export function WindowGate({
  windows,
  before,
  after,
  disableAfter = false,
  children,
}: {
  windows: readonly TimeWindow[];
  before: ReactNode;
  after: ReactNode;
  disableAfter?: boolean;
  children: ReactNode;
}) {
  const phase = useWindowPhase(windows);
  useRefreshOnChange(phase);
  if (phase === "open") return <div data-window="open">{children}</div>;
  if (phase === "before") return <div data-window="before">{before}</div>;
  return (
    <div data-window="after" className="space-y-4">
      {after}
      {disableAfter ? (
        <fieldset disabled className="min-w-0 opacity-60">
          {children}
        </fieldset>
      ) : null}
    </div>
  );
}

/**
 * A status line that follows the same phase: `open` while open, `ended` once the last
 * window is over (if given), `closed` otherwise (not yet open, or no window at all).
 */
export function WindowStatus({
  windows,
  open,
  closed,
  ended = closed,
}: {
  windows: readonly TimeWindow[];
  open: string;
  closed: string;
  ended?: string;
}) {
  const phase = useWindowPhase(windows);
  const text = phase === "open" ? open : phase === "after" && windows.length > 0 ? ended : closed;
  return (
    <p role="status" data-testid="window-status" className={phase === "open" ? "text-green-800" : "text-slate-700"}>
      {text}
    </p>
  );
}
