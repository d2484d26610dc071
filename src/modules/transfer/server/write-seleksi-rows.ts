import "server-only";
import type { Tx } from "@/server/db";
import type { BundleData } from "../domain/bundle-format";
import { many, tableRows, type IdMaps } from "./write-imported-rows";

const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;
const dn = (v: unknown) => (v ?? null) as Date | null;

/**
 * The sanggah prakualifikasi of a seleksi, the only sanggah a tender has before its opening
 * (plan-import.ts refuses any other kind). Ids kept; the vendor and the answerer mapped.
 */
export async function writeSanggahs(tx: Tx, data: BundleData, ids: IdMaps) {
  await many(tx.sanggah, tableRows(data, "Sanggah"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    vendorId: ids.vendor(s(r.vendorId)),
    bidId: sn(r.bidId),
    kind: r.kind as never,
    appealOfId: sn(r.appealOfId),
    body: s(r.body),
    bondAmount: (r.bondAmount ?? null) as bigint | null,
    filedAt: r.filedAt as Date,
    answer: sn(r.answer),
    answeredById: ids.userOrNull(sn(r.answeredById)),
    answeredAt: dn(r.answeredAt),
    decision: (r.decision ?? null) as never,
  }));
}

/**
 * Issue 15's rows (bundle version 2; a version 1 bundle has none): the prakualifikasi
 * applications as decided at the source, and the price key with its shares, each sealed to
 * the same member's personal key as the opening key's share (so the same passphrases open
 * both envelopes here).
 */
export async function writeSeleksiRows(tx: Tx, data: BundleData, ids: IdMaps) {
  await many(tx.prequalificationApplication, tableRows(data, "PrequalificationApplication"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    vendorId: ids.vendor(s(r.vendorId)),
    round: r.round as number,
    submittedById: ids.user(s(r.submittedById)),
    submittedAt: r.submittedAt as Date,
    form: r.form as never,
    passed: (r.passed ?? null) as boolean | null,
    // the score travels as decimal text (collect-seleksi-rows.ts)
    score: sn(r.score),
    reason: sn(r.reason),
    decidedById: ids.userOrNull(sn(r.decidedById)),
    decidedAt: dn(r.decidedAt),
    shortlisted: r.shortlisted as boolean,
  }));
  await many(tx.tenderPriceKey, tableRows(data, "TenderPriceKey"), (r) => ({
    tenderId: s(r.tenderId),
    publicKey: s(r.publicKey),
    threshold: r.threshold as number,
    createdAt: r.createdAt as Date,
  }));
  await many(tx.tenderPriceKeyShare, tableRows(data, "TenderPriceKeyShare"), (r) => ({
    tenderId: s(r.tenderId),
    userId: ids.user(s(r.userId)),
    shareIndex: r.shareIndex as number,
    sealedShare: r.sealedShare as Uint8Array<ArrayBuffer>,
  }));
}
