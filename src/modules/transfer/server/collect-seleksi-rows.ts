import "server-only";
import type { Tx } from "./collect-tender-rows";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The evidence document ids a qualification form names (qualification/domain/shapes.ts). */
export function formDocumentIds(form: unknown): string[] {
  const f = (form ?? {}) as { permits?: { documentId?: unknown }[]; experience?: { documentId?: unknown }[] };
  const entries = [
    ...(Array.isArray(f.permits) ? f.permits : []),
    ...(Array.isArray(f.experience) ? f.experience : []),
  ];
  return entries.flatMap((e) => (typeof e?.documentId === "string" && UUID.test(e.documentId) ? [e.documentId] : []));
}

/**
 * Issue 15's rows of a tender before its opening (docs/decisions/0040, bundle version 2):
 * the prakualifikasi applications of every round with their forms and decisions, the
 * vendors' evidence documents those forms name (so the receiving Pokja can open them), and
 * the two-file procedure's price key with its shares, sealed to the same Pokja members'
 * personal keys as the opening key's. The sanggah prakualifikasi are Sanggah rows and travel
 * with the others. The bids' sealed qualification forms travel on the Bid rows; which
 * evidence they name is sealed with them until the opening, so the evidence of every permit
 * and experience in a sealing bidder's profile travels (what the form could name), so the
 * receiving Pokja can open it after its opening (documents/qualification-evidence.ts).
 */
export async function collectSeleksiRows(tx: Tx, tenderId: string, sealingVendorIds: string[]) {
  const applications = await tx.prequalificationApplication.findMany({
    where: { tenderId },
    orderBy: [{ round: "asc" }, { submittedAt: "asc" }],
  });
  const priceKey = await tx.tenderPriceKey.findUnique({ where: { tenderId } });
  const priceKeyShares = await tx.tenderPriceKeyShare.findMany({ where: { tenderId }, orderBy: { shareIndex: "asc" } });
  // only a document of the applying company itself: a form cannot pull another company's file
  const named = applications.flatMap((a) => formDocumentIds(a.form).map((id) => ({ id, vendorId: a.vendorId })));
  const profile = { vendorId: { in: sealingVendorIds }, documentId: { not: null } };
  const [permits, experience] = [
    await tx.vendorPermit.findMany({ where: profile, select: { documentId: true, vendorId: true } }),
    await tx.vendorExperience.findMany({ where: profile, select: { documentId: true, vendorId: true } }),
  ];
  for (const e of [...permits, ...experience]) named.push({ id: e.documentId!, vendorId: e.vendorId });
  const evidence =
    named.length === 0
      ? []
      : await tx.document.findMany({
          where: { OR: named.map((n) => ({ id: n.id, vendorId: n.vendorId, tenderId: null, paketId: null })) },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
  // a Decimal is no JSON value: the score travels as its exact decimal text
  const rows = applications.map((a) => ({ ...a, score: a.score === null ? null : a.score.toString() }));
  return { applications: rows, priceKey, priceKeyShares, evidence };
}
