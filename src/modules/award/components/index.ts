// The evaluation's ranking page shows the winner proposals and their approvals.
export { WinnerProposalPanel } from "./winner-proposal-panel";
