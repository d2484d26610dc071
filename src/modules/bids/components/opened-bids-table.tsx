import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import type { OpenedBid } from "../domain/opening-record";

// left sealed by rule, not a defect: a failed tender's bids, a two-envelope tender's price envelope
const SEALED_ON_PURPOSE: ReadonlySet<string> = new Set(["NOT_OPENED", "PRICE_ENVELOPE"]);

/** What the opening read out, bid by bid: price and every file with its hash and result. */
export async function OpenedBidsTable({ bids, canReadFiles }: { bids: OpenedBid[]; canReadFiles: boolean }) {
  const [t, s, p, parts] = await Promise.all([
    getTranslations("opening.result"),
    getTranslations("opening.fileStatus"),
    getTranslations("opening.priceStatus"),
    getTranslations("bids.part"),
  ]);
  if (bids.length === 0) return <p>{t("noBids")}</p>;
  return (
    <Table label={t("tableLabel")}>
      <thead>
        <tr>
          <Th>{t("bidder")}</Th>
          <Th>{t("price")}</Th>
          <Th>{t("files")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {bids.map((bid) => (
          <tr key={bid.bidId}>
            <RowHeader className="min-w-48">
              {bid.vendorName}
              <div className="font-mono text-xs text-slate-600">NPWP {bid.npwp}</div>
              {bid.receiptValid ? null : <Badge tone="danger">{t("receiptInvalid")}</Badge>}
            </RowHeader>
            <Td className="whitespace-nowrap tabular-nums">
              {bid.priceStatus === "OK" && bid.price !== null ? (
                formatRupiah(BigInt(bid.price))
              ) : (
                <Badge tone={SEALED_ON_PURPOSE.has(bid.priceStatus) ? "neutral" : "danger"}>
                  {p(bid.priceStatus as "UNOPENABLE")}
                </Badge>
              )}
            </Td>
            <Td>
              <ul className="space-y-2">
                {bid.files.map((file, i) => (
                  <li key={file.fileId ?? `missing-${i}`}>
                    <span className="font-medium">
                      {parts.has(file.part) ? parts(file.part as "HARGA") : file.part}:
                    </span>{" "}
                    {canReadFiles && file.fileId && file.status === "OK" ? (
                      <a
                        href={`/api/bids/files/${file.fileId}/content`}
                        aria-label={t("download", { name: file.fileName ?? file.part })}
                      >
                        {file.fileName ?? file.part}
                      </a>
                    ) : (
                      (file.fileName ?? "-")
                    )}{" "}
                    <Badge
                      tone={
                        file.status === "OK" ? "success" : SEALED_ON_PURPOSE.has(file.status) ? "neutral" : "danger"
                      }
                    >
                      {s(file.status)}
                    </Badge>
                    <div className="font-mono text-xs break-all text-slate-600">
                      {t("commitment")} {file.commitment}
                    </div>
                    {file.salt ? (
                      <div className="font-mono text-xs break-all text-slate-600">
                        {t("salt")} {file.salt}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
