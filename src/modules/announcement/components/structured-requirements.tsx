import { getTranslations } from "next-intl/server";
import { formatRupiah } from "@/lib/money";
import type { BidPart } from "@/modules/bids/domain";
import type { QualificationRequirements } from "@/modules/qualification/domain";

/**
 * The tender's structured qualification requirements in sentences (issue 15): what a vendor
 * must hold, have done and offer, so it can judge before registering; then the parts its bid
 * must contain. Codes and names as the Pokja typed them.
 */
export async function StructuredRequirements({
  requirements: r,
  bidParts,
}: {
  requirements: QualificationRequirements | null;
  bidParts: readonly BidPart[];
}) {
  const t = await getTranslations("qualification.requirements");
  const rupiah = (digits: string) => formatRupiah(BigInt(digits));
  const lines: string[] = r
    ? [
        ...r.permits.map((p) =>
          p.kbli.length
            ? t("permitKbliLine", { kind: p.kind, codes: p.kbli.join(", ") })
            : t("permitLine", { kind: p.kind }),
        ),
        ...(r.experience
          ? [
              t("experienceLine", {
                count: r.experience.minCount,
                value: rupiah(r.experience.minValue),
                years: r.experience.withinYears,
              }),
            ]
          : []),
        ...r.staff.map((s) =>
          s.education
            ? t("staffEducationLine", {
                position: s.position,
                count: s.minCount,
                years: s.minYears,
                education: s.education,
              })
            : t("staffLine", { position: s.position, count: s.minCount, years: s.minYears }),
        ),
        ...r.equipment.map((e) => t("equipmentLine", { name: e.name, count: e.minCount })),
        ...(r.financial?.minNetWorth ? [t("netWorthLine", { value: rupiah(r.financial.minNetWorth) })] : []),
        ...(r.financial?.taxReturn ? [t("taxReturnLine")] : []),
      ]
    : [];
  return (
    <>
      {lines.length ? (
        <ul className="list-disc pl-5">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className={lines.length ? "mt-2 text-sm" : "text-sm"}>
        {t("bidPartsLine", { parts: bidParts.map((p) => t(`part.${p}`)).join(", ") })}
      </p>
    </>
  );
}
