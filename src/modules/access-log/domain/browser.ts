import Bowser from "bowser";

// A user agent is whatever the client sent: long, odd or hostile. Parsing more than this
// tells nothing more about the browser.
const MAX_USER_AGENT = 512;

/**
 * "Chrome 131 · Windows 10", "Safari 18 · iOS 18.1": what a person recognises of their own
 * devices. Bowser (a kept library) reads the user agent; null when there is none, and the
 * start of the raw text when Bowser names neither browser nor system.
 */
export function describeBrowser(userAgent: string | null | undefined): string | null {
  const text = userAgent?.trim().slice(0, MAX_USER_AGENT);
  if (!text) return null;
  const parsed = Bowser.parse(text);
  const browser = [parsed.browser.name, majorVersion(parsed.browser.version)].filter(Boolean).join(" ");
  const system = [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(" ");
  const described = [browser, system].filter(Boolean).join(" · ");
  return described || (text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function majorVersion(version: string | undefined): string | undefined {
  return version?.split(".")[0] || undefined;
}
