import { formatRupiah } from "@/lib/money";
import { TAX_RETURN_DUE_MONTH } from "./limits";
import { isPermitValid, permitAnswers, wordsAnswer } from "./permits";
import type { AssessedRequirement, QualificationForm, QualificationRequirements } from "./shapes";

/**
 * Each requirement beside the vendor's answer, in the order the tender lists them, for the
 * Pokja's evaluation (Perlem LKPP 12/2021 Lampiran II: evaluasi kualifikasi checks the
 * requirements set in the selection documents) and the vendor's own check before it sends.
 * `at` is the instant the answer is judged on (the bid or prakualifikasi deadline): a permit
 * must be valid then and experience counts back from its year. The strings use codes, names,
 * numbers and a fixed notation (messages under qualification.assessment explain it), so they
 * read the same in every language. `met` is the system's reading; the Pokja still decides.
 */
export function assessQualification(
  requirements: QualificationRequirements,
  form: QualificationForm,
  at: Date,
  timeZone = "Asia/Jakarta",
): AssessedRequirement[] {
  const when = calendarOf(at, timeZone);
  return [
    ...requirements.permits.flatMap((r) => assessPermit(r, form, at)),
    ...(requirements.experience ? [assessExperience(requirements.experience, form, when.year)] : []),
    ...assessStaff(requirements.staff, form),
    ...requirements.equipment.map((r, i) => assessEquipment(r, i, form)),
    ...(requirements.financial ? assessFinancial(requirements.financial, form, when) : []),
  ];
}

type Requirement<K extends keyof QualificationRequirements> = Exclude<QualificationRequirements[K], null>;

function assessPermit(r: Requirement<"permits">[number], form: QualificationForm, at: Date): AssessedRequirement[] {
  const held = form.permits.filter((p) => permitAnswers(p.kind, r.kind));
  // A valid one answers; otherwise show the one held, so the Pokja sees it ran out.
  const valid = held.find((p) => isPermitValid(p.validUntil ? new Date(p.validUntil) : null, at));
  const shown = valid ?? held[0];
  const rows: AssessedRequirement[] = [
    {
      group: "permit",
      requirement: r.kind,
      answer: shown
        ? `${shown.kind} ${shown.number} (${shown.issuedBy}) → ${shown.validUntil?.slice(0, 10) ?? "∞"}`
        : null,
      documentIds: shown?.documentId ? [shown.documentId] : [],
      met: valid !== undefined,
    },
  ];
  for (const code of r.kbli) {
    const has = form.kbli.includes(code);
    rows.push({
      group: "kbli",
      requirement: `KBLI ${code} (${r.kind})`,
      answer: has ? `KBLI ${code}` : null,
      documentIds: [],
      met: has,
    });
  }
  return rows;
}

/** minCount contracts of at least minValue each, from the year withinYears before `at`'s up to its year. */
function assessExperience(r: Requirement<"experience">, form: QualificationForm, year: number): AssessedRequirement {
  const from = year - r.withinYears;
  const minValue = BigInt(r.minValue);
  const seen = new Set<string>();
  const counted = form.experience.filter((e) => {
    const counts =
      e.year >= from && e.year <= year && BigInt(e.contractValue) >= minValue && !seen.has(e.vendorExperienceId);
    if (counts) seen.add(e.vendorExperienceId);
    return counts;
  });
  return {
    group: "experience",
    requirement: `${r.minCount} × ≥ ${formatRupiah(minValue)}, ${from}–${year}`,
    answer: counted.length
      ? counted
          .map((e) => `${e.contractName} (${e.client}, ${e.year}, ${formatRupiah(BigInt(e.contractValue))})`)
          .join("; ")
      : null,
    documentIds: counted.flatMap((e) => (e.documentId ? [e.documentId] : [])),
    met: counted.length >= r.minCount,
  };
}

/**
 * Per position: the people offered for it who have enough years and, when asked, the
 * education (same words, or starting with them: "S1 Teknik Sipil" answers "S1"). One person
 * fills one position: offered twice, they count for the first position only.
 */
function assessStaff(staff: Requirement<"staff">, form: QualificationForm): AssessedRequirement[] {
  const placed = new Set<string>();
  return staff.map((r, index) => {
    const offered = form.staff.filter((p) => p.forRequirement === index && !placed.has(p.vendorPersonId));
    const fit = offered.filter(
      (p) =>
        (p.experienceYears ?? 0) >= r.minYears &&
        (r.education === null || (p.education !== null && wordsAnswer(p.education, r.education))),
    );
    const unique = [...new Map(fit.map((p) => [p.vendorPersonId, p])).values()];
    for (const p of offered) placed.add(p.vendorPersonId);
    return {
      group: "staff" as const,
      requirement: `${r.position} × ${r.minCount}, ≥ ${r.minYears}${r.education ? `, ${r.education}` : ""}`,
      answer: offered.length
        ? offered.map((p) => `${p.name} (${p.education ?? "-"}, ${p.experienceYears ?? "-"})`).join("; ")
        : null,
      documentIds: [],
      met: unique.length >= r.minCount,
    };
  });
}

function assessEquipment(
  r: Requirement<"equipment">[number],
  index: number,
  form: QualificationForm,
): AssessedRequirement {
  const offered = form.equipment.filter((e) => e.forRequirement === index && e.count > 0);
  const total = offered.reduce((sum, e) => sum + e.count, 0);
  return {
    group: "equipment",
    requirement: `${r.name} × ${r.minCount}`,
    answer: offered.length ? offered.map((e) => `${e.name} × ${e.count} (${e.ownership})`).join("; ") : null,
    documentIds: [],
    met: total >= r.minCount,
  };
}

function assessFinancial(
  r: Requirement<"financial">,
  form: QualificationForm,
  when: { year: number; month: number },
): AssessedRequirement[] {
  const rows: AssessedRequirement[] = [];
  const answer = form.financial;
  if (r.minNetWorth !== null) {
    const min = BigInt(r.minNetWorth);
    const worth = answer?.netWorth != null ? BigInt(answer.netWorth) : null;
    rows.push({
      group: "financial",
      requirement: `≥ ${formatRupiah(min)}`,
      answer: worth === null ? null : formatRupiah(worth),
      documentIds: [],
      met: worth !== null && worth >= min,
    });
  }
  if (r.taxReturn) {
    const last = lastTaxYear(when);
    const year = answer?.taxReturnYear ?? null;
    rows.push({
      group: "financial",
      requirement: `SPT ${last}`,
      answer: year === null ? null : `SPT ${year}`,
      documentIds: [],
      // the last one due, or a later one already filed; never a year not yet ended
      met: year !== null && year >= last && year < when.year,
    });
  }
  return rows;
}

/** The tax year of the last annual return already due on (year, month): see TAX_RETURN_DUE_MONTH. */
export function lastTaxYear(when: { year: number; month: number }): number {
  return when.month > TAX_RETURN_DUE_MONTH ? when.year - 1 : when.year - 2;
}

/** The calendar year and month of an instant in the agency's zone (a deadline on 1 January WIB is 31 December UTC). */
function calendarOf(at: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month") };
}
