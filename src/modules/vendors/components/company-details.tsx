import { getTranslations } from "next-intl/server";
import { formatNpwp } from "../domain/npwp";
import type { VendorProfile } from "../server/vendor-profile";

/** The company's own data as the Verifikator checks it against the deed, NPWP and NIB. */
export async function CompanyDetails({ profile }: { profile: VendorProfile }) {
  const t = await getTranslations("vendors.company");
  const rows: [string, string][] = [
    [t("name"), profile.name],
    [t("businessForm"), profile.businessForm],
    [t("npwp"), formatNpwp(profile.npwp)],
    [t("nib"), profile.nib],
    [t("kbli"), profile.kbli.join(", ")],
    [t("address"), profile.address],
    [t("city"), profile.city],
    [t("province"), profile.province],
    [t("email"), profile.email],
    [t("phone"), profile.phone ?? "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
