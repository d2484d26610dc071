import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatRupiah } from "@/lib/money";
import { findPublicAward } from "../server/find-public-award";

/**
 * For the tender's announcement page: the winner and the corrected price, with a link to
 * the full result. Renders nothing until the winner is announced, so it can be placed
 * unconditionally: <WinnerBanner code={announcement.code} />.
 */
export async function WinnerBanner({ code }: { code: string }) {
  const award = await findPublicAward(code);
  if (!award?.winner) return null;
  const t = await getTranslations("evaluation.banner");
  const price = award.winner.correctedPrice ?? award.winner.openedPrice!;
  return (
    <section
      aria-labelledby="pemenang"
      role="status"
      className="rounded-lg border border-green-300 bg-green-50 p-4 text-green-950"
    >
      <h2 id="pemenang" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t("text", { name: award.winner.vendorName, price: formatRupiah(price) })}</p>
      <p className="text-sm">
        <Link href={`/tender/${code}/pemenang`} prefetch={false}>
          {t("link")}
        </Link>
      </p>
    </section>
  );
}
