"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { withdrawBidAction } from "../bid.actions";

export function WithdrawButton({ tenderId }: { tenderId: string }) {
  const t = useTranslations("bids.withdraw");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onClick = () => {
    if (!window.confirm(t("confirm"))) return;
    startTransition(async () => {
      const result = await withdrawBidAction({ tenderId });
      setMessage(result.ok ? { ok: true, text: t("done") } : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  };
  return (
    <>
      <Button variant="secondary" onClick={onClick} disabled={isPending}>
        {t("button")}
      </Button>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-green-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
    </>
  );
}
