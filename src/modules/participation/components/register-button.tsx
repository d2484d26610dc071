import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { getActor } from "@/server/session";
import { getRegistrationState } from "../server/get-registration-state";
import { RegisterButtonForm } from "./register-button-form";

interface Props {
  tenderId: string;
  /** where to come back after signing in, e.g. /tender/<code> */
  returnTo: string;
  /** the agency's zone, to show the registration time as the page shows the schedule */
  timeZone: string;
}

/**
 * "Ikut tender ini" on the announcement page, for PENYEDIA users of a verified company;
 * "Anda terdaftar sebagai peserta" once registered. Nothing for agency staff.
 */
export async function RegisterButton({ tenderId, returnTo, timeZone }: Props) {
  const [actor, t, localeValue] = await Promise.all([getActor(), getTranslations("vendors.participation"), getLocale()]);
  const state = await getRegistrationState(actor, tenderId);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const box = "rounded-md border border-slate-200 bg-white p-3 text-sm";
  switch (state.kind) {
    case "notVendor":
      return null;
    case "anonymous":
      return <p className={box}><Link href={`/masuk?callbackUrl=${encodeURIComponent(returnTo)}`}>{t("signInToRegister")}</Link></p>;
    case "registered":
      return (
        <p role="status" data-testid="participant-registered" className={`${box} border-green-300 bg-green-50 text-green-950`}>
          <span className="font-medium">{t("registered")}</span>{" "}
          <span>{t("registeredAt", { at: formatInZone(state.registeredAt, timeZone, locale) })}</span>
          <span className="mt-2 flex flex-wrap gap-3">
            <Link href={`/penyedia/tender/${tenderId}/penjelasan`}>{t("askQuestions")}</Link>
            <Link href={`/penyedia/penawaran/${tenderId}`}>{t("openBid")}</Link>
            <Link href={`/penyedia/hasil/${tenderId}`}>{t("results")}</Link>
            <Link href={`/penyedia/sanggah/${tenderId}`}>{t("sanggah")}</Link>
          </span>
        </p>
      );
    case "notVerified":
      return <p className={box}>{t("notVerified")} <Link href="/penyedia/profil">{t("openProfile")}</Link></p>;
    case "closed":
      return <p className={box}>{t("closed")}</p>;
    case "open":
      return <RegisterButtonForm tenderId={tenderId} />;
  }
}
