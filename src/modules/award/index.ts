import "server-only";

// The evaluation's page announces the winner once the ranking is approved.
export { announceWinner } from "./server/announce-winner";
export type { WinnerProposals } from "./server/get-winner-proposals";
// The SPPBJ and the e-Kontrak draft read the awarded price (a negotiated one where agreed) here.
export { awardedPrice } from "./server/awarded-price";
