import "server-only";
import type { Role } from "@/modules/auth/domain";
import { grantStateAt, type GrantRow } from "../domain/role-grants";

export const GRANT_SELECT = {
  id: true,
  role: true,
  agencyId: true,
  skNumber: true,
  validFrom: true,
  validUntil: true,
  createdAt: true,
  revokedAt: true,
  grantedBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
} as const;

interface SelectedGrant {
  id: string;
  role: string;
  skNumber: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
  grantedBy: { name: string } | null;
  revokedBy: { name: string } | null;
}

export function toGrantRow(g: SelectedGrant, now: Date): GrantRow {
  return {
    id: g.id,
    role: g.role as Role,
    skNumber: g.skNumber,
    validFrom: g.validFrom,
    validUntil: g.validUntil,
    createdAt: g.createdAt,
    revokedAt: g.revokedAt,
    grantedBy: g.grantedBy?.name ?? null,
    revokedBy: g.revokedBy?.name ?? null,
    state: grantStateAt(g, now),
  };
}
