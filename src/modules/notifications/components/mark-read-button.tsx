"use client";

import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { markReadAction } from "../notifications.actions";

/** Marks the given messages (or, without ids, all unread ones) read. */
export function MarkReadButton({ ids, label, doneText }: { ids?: string[]; label: string; doneText: string }) {
  return (
    <ActionForm
      action={markReadAction}
      doneText={doneText}
      resetOnDone={false}
      className="flex flex-wrap items-center gap-2"
    >
      {ids?.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      <button type="submit" className={buttonClass("secondary", "px-3 py-1")}>
        {label}
      </button>
    </ActionForm>
  );
}
