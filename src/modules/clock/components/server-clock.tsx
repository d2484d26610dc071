"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { nextWake } from "../domain/countdown";
import { lastServerClock, measureServerClock } from "./server-time";

const ServerNow = createContext<number | null>(null);

/**
 * Gives its children the server's time, ticking each server second and exactly at each
 * of `boundaries` (stage starts and ends, ms since epoch). It starts from `serverNow`,
 * the time the page was rendered, so the first paint matches the server's HTML; the
 * measured clock replaces it within a round trip, which also corrects a page served
 * from a cache a few seconds old.
 */
export function ServerClockProvider({
  serverNow,
  boundaries = [],
  children,
}: {
  serverNow: number;
  boundaries?: readonly number[];
  children: ReactNode;
}) {
  const [now, setNow] = useState(serverNow);
  // by value: a refreshed page passes an equal list in a new array
  const key = boundaries.join(",");

  useEffect(() => {
    // Until the measurement answers, count on from the rendered time.
    const loadedAt = Date.now();
    const estimate = () => {
      const sample = lastServerClock();
      return sample ? Date.now() + sample.offsetMs : serverNow + (Date.now() - loadedAt);
    };
    const wakes = key === "" ? [] : key.split(",").map(Number);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = () => {
      if (stopped) return;
      const at = estimate();
      setNow(at);
      // a few ms late rather than early, so the wake lands on the right side of the second
      timer = setTimeout(tick, Math.max(0, nextWake(at, wakes) - at) + 5);
    };
    const measure = () =>
      void measureServerClock().then(() => {
        clearTimeout(timer);
        tick();
      });
    // A laptop woken from sleep may have had its clock corrected: measure again.
    const onVisible = () => {
      if (document.visibilityState === "visible") measure();
    };
    tick();
    // once per page load: a refresh at a window's edge must not send a crowd to /api/time
    if (!lastServerClock()) measure();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [serverNow, key]);

  return <ServerNow.Provider value={now}>{children}</ServerNow.Provider>;
}

/** The server's time in ms, as the nearest ServerClockProvider estimates it. */
export function useServerNow(): number {
  const now = useContext(ServerNow);
  if (now === null) throw new Error("useServerNow needs a ServerClockProvider above it");
  return now;
}
