"use client";

import type { ReactNode } from "react";
import { useServerNow } from "@/modules/clock/components";
import { Badge } from "@/components/ui/badge";
import { RowHeader, Td } from "@/components/ui/table";
import type { StageKind } from "@/generated/prisma/enums";
import { findCurrentStage } from "@/modules/tenders/domain";

/** One stage as the client needs it: the window in ms and its words, already translated. */
export interface LiveStage {
  id: string;
  kind: StageKind;
  startsAt: number;
  endsAt: number;
  label: string;
  start: ReactNode;
  end: ReactNode;
}

/**
 * The stage running now, worked out in the browser from the schedule and the server's
 * clock, so a page served from a cache a few seconds old still names the right stage and
 * changes it at the boundary (the same rule as the server: findCurrentStage).
 */
function useCurrentStageId(stages: readonly LiveStage[]): string | null {
  const now = useServerNow();
  const windows = stages.map((s) => ({
    id: s.id,
    kind: s.kind,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
  }));
  return findCurrentStage(windows, new Date(now))?.id ?? null;
}

/** The "Tahap sekarang" badge; `none` when no stage runs. Not used for an ended tender. */
export function LiveCurrentStage({ stages, none }: { stages: readonly LiveStage[]; none: ReactNode }) {
  const id = useCurrentStageId(stages);
  const stage = stages.find((s) => s.id === id);
  return stage ? <Badge tone="info">{stage.label}</Badge> : <>{none}</>;
}

/** The schedule's rows, the running stage highlighted and named "now" in words. */
export function LiveScheduleRows({
  stages,
  nowLabel,
  isEnded,
}: {
  stages: readonly LiveStage[];
  nowLabel: string;
  isEnded: boolean;
}) {
  const currentId = useCurrentStageId(stages);
  return (
    <tbody className="divide-y divide-slate-100">
      {stages.map((stage) => {
        const isCurrent = !isEnded && stage.id === currentId;
        return (
          <tr
            key={stage.id}
            aria-current={isCurrent ? "step" : undefined}
            className={isCurrent ? "bg-brand-50" : undefined}
          >
            <RowHeader className={isCurrent ? "border-l-4 border-brand-700" : undefined}>
              {stage.label}
              {/* Said in words too: the highlight alone would be colour only. */}
              {isCurrent ? (
                <span className="ml-2">
                  <Badge tone="info">{nowLabel}</Badge>
                </span>
              ) : null}
            </RowHeader>
            <Td>{stage.start}</Td>
            <Td>{stage.end}</Td>
          </tr>
        );
      })}
    </tbody>
  );
}
