import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * "Belum punya akun penyedia? Daftar": where a new vendor looks for the way in (the home
 * page, sign-in, the tender list). A plain link, the same for every visitor, so the
 * shared public pages stay one page for everyone (docs/decisions/0016).
 */
export async function RegisterVendorInvite({ className }: { className?: string }) {
  const t = await getTranslations("vendors.invite");
  return (
    <p className={className ?? "text-sm text-slate-700"}>
      {t("question")}{" "}
      <Link href="/daftar" prefetch={false} className="font-medium">
        {t("link")}
      </Link>
    </p>
  );
}
