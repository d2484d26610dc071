import "server-only";
import { openedKeyContext, priceKeyContext } from "../../domain/at-rest-cipher";
import { envelopeOf } from "../../domain/price-envelope";
import type { BidPart } from "../../domain/bid-part";
import { unwrapAtRest } from "./at-rest-key";

/** What reading an opened file needs to know about its tender. */
export const READING_KEY_SELECT = {
  id: true,
  openedKeyWrapped: true,
  pricePublicKey: true,
  priceKeyWrapped: true,
} as const;

export interface ReadingKeyTender {
  id: string;
  openedKeyWrapped: Uint8Array | null;
  pricePublicKey: string | null;
  priceKeyWrapped: Uint8Array | null;
}

/** Whether a part of this tender's bids lies in the price envelope (two envelopes: HARGA). */
export const inPriceEnvelope = (tender: Pick<ReadingKeyTender, "pricePublicKey">, part: BidPart) =>
  envelopeOf(part, tender.pricePublicKey !== null) === "PRICE";

/**
 * The key that reads an opened file of this part, unwrapped from at rest, or null while
 * its envelope is still sealed: the opening key after the opening; on a two-envelope tender
 * a HARGA file only with the price key kept after the price opening (the caller checks that
 * the file's own bid was among those opened: Bid.priceOpenedAt).
 */
export async function unwrapReadingKey(tender: ReadingKeyTender, part: BidPart): Promise<Buffer | null> {
  if (inPriceEnvelope(tender, part))
    return tender.priceKeyWrapped ? unwrapAtRest(tender.priceKeyWrapped, priceKeyContext(tender.id)) : null;
  return tender.openedKeyWrapped ? unwrapAtRest(tender.openedKeyWrapped, openedKeyContext(tender.id)) : null;
}
