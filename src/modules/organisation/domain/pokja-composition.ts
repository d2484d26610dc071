/**
 * Who may sit in a Pokja Pemilihan. Perpres 16/2018 jo. Perpres 12/2021: a Pokja has
 * three members and may be enlarged for complex selections as long as the number stays
 * odd, so a vote cannot tie; Perlem LKPP 12/2021 has one member lead it.
 */
export const POKJA_RULE = {
  minMembers: 3,
  mustBeOdd: true,
  legalBasis: "Perpres 16/2018 jo. Perpres 12/2021; Perlem LKPP 12/2021",
} as const;

/**
 * The Pokja decides as a body by a majority of its members, more than half: 2 of 3, 3 of
 * 5, 4 of 7 (an odd Pokja never ties). It is the quorum to open the bids and to set the
 * winner. The regulation names the body, not a quorum: "more than half" is SPSE's
 * practice, configuration rather than law (docs/decisions/0025).
 */
export function pokjaMajority(memberCount: number): number {
  return Math.floor(memberCount / 2) + 1;
}

/** Keys in the "errors" messages; each names what is wrong with the composition. */
export type PokjaProblem = "pokjaSize" | "pokjaDuplicateMember" | "pokjaLeader";

export interface PokjaComposition {
  memberIds: readonly string[];
  leaderId: string;
}

/** The first thing wrong with a proposed membership, or null when it may stand. */
export function findPokjaProblem({ memberIds, leaderId }: PokjaComposition): PokjaProblem | null {
  if (new Set(memberIds).size !== memberIds.length) return "pokjaDuplicateMember";
  const size = memberIds.length;
  if (size < POKJA_RULE.minMembers || (POKJA_RULE.mustBeOdd && size % 2 === 0)) return "pokjaSize";
  if (!memberIds.includes(leaderId)) return "pokjaLeader";
  return null;
}
