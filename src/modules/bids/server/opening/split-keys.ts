import "server-only";
import { db, type Db, type Tx } from "@/server/db";
import { priceShareContext, shareContext } from "../../domain/at-rest-cipher";

type Client = Db | Tx;
export interface HeldApproval {
  userId: string;
  approvedAt: Date;
  wrappedShare: Uint8Array | null;
}

/**
 * A tender's key split k of n among its Pokja: the opening key (first envelope) or, on a
 * two-envelope tender, the price key (decision 0042). Both are approved, held and recombined
 * the same way (split-key-approval.ts, split-key-opening.ts); this says only which tables,
 * which at-rest context and which audit action belong to which key. The two sets of tables
 * have the same columns, but Prisma gives each its own types, hence one line per table here.
 */
export interface SplitKey {
  /** the words of the error when the recombined key is not the tender's */
  name: string;
  approvedAction: "tender.openingApproved" | "tender.priceOpeningApproved";
  shareContext: (tenderId: string, userId: string) => string;
  sealedShare: (tenderId: string, userId: string) => Promise<{ sealedShare: Uint8Array } | null>;
  shareholders: (client: Client, tenderId: string) => Promise<number>;
  hasApproved: (client: Client, tenderId: string, userId: string) => Promise<boolean>;
  addApproval: (
    tx: Tx,
    row: { tenderId: string; userId: string; approvedAt: Date; wrappedShare: Uint8Array<ArrayBuffer> },
  ) => Promise<unknown>;
  approvals: (client: Client, tenderId: string) => Promise<number>;
  /** the approvals whose share is still held, earliest first */
  held: (tx: Tx, tenderId: string) => Promise<HeldApproval[]>;
  dropShares: (tx: Tx, tenderId: string) => Promise<unknown>;
  /** the key's threshold, and whether its opening has happened */
  state: (tenderId: string) => Promise<{ threshold: number; opened: boolean }>;
}

const pair = (tenderId: string, userId: string) => ({ tenderId_userId: { tenderId, userId } });
const HELD = {
  orderBy: { approvedAt: "asc" },
  select: { userId: true, approvedAt: true, wrappedShare: true },
} as const;

export const OPENING_KEY: SplitKey = {
  name: "opening key",
  approvedAction: "tender.openingApproved",
  shareContext,
  sealedShare: (tenderId, userId) =>
    db.tenderKeyShare.findUnique({ where: pair(tenderId, userId), select: { sealedShare: true } }),
  shareholders: (c, tenderId) => c.tenderKeyShare.count({ where: { tenderId } }),
  hasApproved: async (c, tenderId, userId) =>
    (await c.openingApproval.findUnique({ where: pair(tenderId, userId), select: { userId: true } })) !== null,
  addApproval: (tx, data) => tx.openingApproval.create({ data }),
  approvals: (c, tenderId) => c.openingApproval.count({ where: { tenderId } }),
  held: (tx, tenderId) => tx.openingApproval.findMany({ where: { tenderId, wrappedShare: { not: null } }, ...HELD }),
  dropShares: (tx, tenderId) => tx.openingApproval.updateMany({ where: { tenderId }, data: { wrappedShare: null } }),
  state: async (tenderId) => {
    const t = await db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { openedAt: true, openingKey: { select: { threshold: true } } },
    });
    return { threshold: t.openingKey?.threshold ?? 0, opened: t.openedAt !== null };
  },
};

export const PRICE_KEY: SplitKey = {
  name: "price key",
  approvedAction: "tender.priceOpeningApproved",
  shareContext: priceShareContext,
  sealedShare: (tenderId, userId) =>
    db.tenderPriceKeyShare.findUnique({ where: pair(tenderId, userId), select: { sealedShare: true } }),
  shareholders: (c, tenderId) => c.tenderPriceKeyShare.count({ where: { tenderId } }),
  hasApproved: async (c, tenderId, userId) =>
    (await c.priceOpeningApproval.findUnique({ where: pair(tenderId, userId), select: { userId: true } })) !== null,
  addApproval: (tx, data) => tx.priceOpeningApproval.create({ data }),
  approvals: (c, tenderId) => c.priceOpeningApproval.count({ where: { tenderId } }),
  held: (tx, tenderId) =>
    tx.priceOpeningApproval.findMany({ where: { tenderId, wrappedShare: { not: null } }, ...HELD }),
  dropShares: (tx, tenderId) =>
    tx.priceOpeningApproval.updateMany({ where: { tenderId }, data: { wrappedShare: null } }),
  state: async (tenderId) => {
    const t = await db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { priceOpenedAt: true, priceKey: { select: { threshold: true } } },
    });
    return { threshold: t.priceKey?.threshold ?? 0, opened: t.priceOpenedAt !== null };
  },
};
