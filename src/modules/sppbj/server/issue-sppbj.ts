import "server-only";
import { formatInZone } from "@/lib/time";
import { can, type Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { awardedPrice } from "@/modules/award";
import { sppbjBlockers } from "@/modules/sanggah/domain";
import { lockSanggahContext, vendorUserIds } from "@/modules/sanggah";
import { applyTenderEvent } from "@/modules/tenders";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { inPdfTransaction, storeGeneratedPdf } from "@/server/pdf";
import { blockerMessageKey, sppbjLetterNumber } from "../domain/letter";
import { issueSppbjSchema, type IssueSppbjInput } from "../sppbj.schemas";
import { renderSppbj, type SppbjLetter } from "./render-sppbj";

const COMPANY = { select: { name: true, npwp: true, address: true, city: true, province: true } } as const;
const BID = { select: { vendorId: true, correctedPrice: true, vendor: COMPANY } } as const;

async function loadLetterParts(tx: Tx, tenderId: string, ppkId: string) {
  // one after another: queries inside an interactive transaction share one connection
  const tender = await tx.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: {
      code: true,
      winnerBidId: true,
      reserve1BidId: true,
      reserve2BidId: true,
      paket: {
        select: {
          id: true,
          name: true,
          rupCode: true,
          fiscalYear: true,
          hps: true,
          workUnit: { select: { name: true } },
          agency: { select: { name: true, code: true, timeZone: true } },
        },
      },
    },
  });
  const ppk = await tx.user.findUniqueOrThrow({ where: { id: ppkId }, select: { name: true, nip: true } });
  const bid = (id: string | null) => (id ? tx.bid.findUnique({ where: { id }, ...BID }) : Promise.resolve(null));
  const winner = await bid(tender.winnerBidId);
  const reserve1 = await bid(tender.reserve1BidId);
  const reserve2 = await bid(tender.reserve2BidId);
  return { tender, ppk, winner, reserves: [reserve1, reserve2] };
}

/**
 * The PPK of the paket's agency issues the SPPBJ once the winner is announced, every
 * sanggah window has closed and every sanggah and banding is answered, by the database
 * clock (src/modules/sanggah/domain/closing.ts). An accepted sanggah or banding blocks
 * it: the evaluation must be redone and the winner announced again. The letter is a
 * public PDF on the tender; the tender and the paket are then COMPLETED.
 */
export async function issueSppbj(actor: Actor, input: IssueSppbjInput) {
  const { tenderId } = parseInput(issueSppbjSchema, input);
  return inPdfTransaction(async (tx, files) => {
    const access = await tx.tender.findUnique({
      where: { id: tenderId },
      select: { paket: { select: { agencyId: true } } },
    });
    if (!access || !can(actor, "sppbj.issue", { agencyId: access.paket.agencyId })) throw new AppError("NOT_FOUND");
    const { tender, rules, records, ref } = await lockSanggahContext(tx, tenderId);
    if (tender.status === "COMPLETED") throw new AppError("CONFLICT", "sppbjAlreadyIssued");
    if (tender.status !== "AWARDED" || !tender.winnerBidId) throw new AppError("INVALID_STATE", "sppbjNotAwarded");
    const now = await dbNow(tx);
    const [blocker] = sppbjBlockers(tender.announcedAt, rules, records, now);
    if (blocker)
      throw new AppError(
        "INVALID_STATE",
        blockerMessageKey(blocker.key),
        blocker.until ? { until: formatInZone(blocker.until, ref.timeZone, "id") } : {},
      );

    const parts = await loadLetterParts(tx, tenderId, actor.userId);
    // the awarded price: a negotiated one (penunjukan langsung, seleksi) where agreed
    const price = await awardedPrice(tx, tenderId);
    if (!parts.winner || price == null) throw new AppError("INVALID_STATE", "sppbjWinnerPriceMissing");
    const agency = parts.tender.paket.agency;
    const letter: SppbjLetter = {
      letterNumber: sppbjLetterNumber(parts.tender.code, agency.code, now, agency.timeZone),
      issuedAt: now,
      timeZone: agency.timeZone,
      agencyName: agency.name,
      workUnitName: parts.tender.paket.workUnit.name,
      ppk: parts.ppk,
      winner: parts.winner.vendor,
      price,
      paket: parts.tender.paket,
      tenderCode: parts.tender.code,
      reserves: parts.reserves.flatMap((r, i) =>
        r ? [{ rank: i + 1, company: r.vendor, price: r.correctedPrice }] : [],
      ),
    };
    const stored = await storeGeneratedPdf(tx, {
      kind: "SPPBJ",
      fileName: `SPPBJ-${parts.tender.code}.pdf`,
      bytes: await renderSppbj(letter),
      tenderId,
      isPublic: true,
      uploadedById: actor.userId,
    });
    files.keep(stored.discard);
    await tx.paket.update({ where: { id: parts.tender.paket.id }, data: { status: "COMPLETED" } });
    await applyTenderEvent(
      tx,
      tenderId,
      { kind: "sppbjIssued" },
      {
        actor,
        now,
        audit: {
          letterNumber: letter.letterNumber,
          documentId: stored.document.id,
          sha256: stored.document.sha256,
          winnerBidId: tender.winnerBidId,
          price,
        },
      },
    );
    await notify(tx, {
      kind: "sppbj.issued",
      title: `SPPBJ diterbitkan: tender ${ref.code}`,
      body: `PPK menerbitkan Surat Penunjukan Penyedia Barang/Jasa (SPPBJ) nomor ${letter.letterNumber} untuk paket ${ref.name}. Perusahaan Anda ditunjuk sebagai penyedia.`,
      link: `/api/documents/${stored.document.id}`,
      userIds: await vendorUserIds(tx, parts.winner.vendorId),
    });
    return { documentId: stored.document.id, letterNumber: letter.letterNumber, issuedAt: now };
  });
}
