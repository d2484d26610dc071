import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False on the server and while React hydrates the server's HTML, true from the render after:
 * for what only the browser knows (localStorage, a cookie) or may do (a click before hydration
 * would send a form natively). React re-renders once when hydration ends, without an effect.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
