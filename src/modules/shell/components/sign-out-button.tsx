"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { clearSignedInHint } from "./signed-in-hint";
import { buttonClass } from "@/components/ui/button";

/**
 * Signs out through next-auth (whose signOut event revokes the UserSession row), then
 * loads "/" fully so no page keeps showing signed-in content.
 */
export function SignOutButton() {
  const t = useTranslations("auth.signOut");
  const [isPending, setIsPending] = useState(false);

  async function onClick() {
    setIsPending(true);
    try {
      // loaded on the click: next-auth's client is not in every page's first visit (issue 14, page weight)
      const { signOut } = await import("next-auth/react");
      await signOut({ redirect: false });
    } finally {
      clearSignedInHint();
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load, so no page kept by the router shows signed-in content
      window.location.assign("/");
    }
  }

  return (
    <button
      type="button"
      data-testid="sign-out"
      onClick={onClick}
      disabled={isPending}
      aria-busy={isPending}
      className={buttonClass("secondary", "px-3 py-1")}
    >
      {t("button")}
    </button>
  );
}
