// The evaluation's reopen page lists the awards withdrawn after an accepted sanggah.
export { AwardWithdrawals } from "./award-withdrawals";
