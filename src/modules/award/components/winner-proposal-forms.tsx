"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm, Choice, Field, inputClass } from "@/components/ui/form";
import { decideWinnerProposalAction, proposeWinnerAction, withdrawWinnerProposalAction } from "../award.actions";

/** "Usulkan pemenang": the winner and reserves the rules select from the recorded evaluation. */
export function ProposeWinnerButton({ tenderId }: { tenderId: string }) {
  const t = useTranslations("evaluation.proposal");
  return (
    <ActionForm action={proposeWinnerAction} doneText={t("proposed")} confirmText={t("proposeConfirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <button type="submit" className={buttonClass("primary")}>
        {t("propose")}
      </button>
    </ActionForm>
  );
}

/** A member's approval, or disagreement with its reason, on an open proposal. */
export function DecideWinnerForm({ tenderId, proposalId }: { tenderId: string; proposalId: string }) {
  const t = useTranslations("evaluation.proposal");
  return (
    <ActionForm action={decideWinnerProposalAction} doneText={t("decided")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <Choice
        name="decision"
        legend={t("decision")}
        options={[
          { value: "APPROVE", label: t("approve") },
          { value: "DISAGREE", label: t("disagree") },
        ]}
      />
      <Field name="reason" label={t("reason")} hint={t("reasonHint")}>
        {(field) => <textarea {...field} maxLength={2000} rows={2} className={inputClass} />}
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        {t("submitDecision")}
      </button>
    </ActionForm>
  );
}

/** The proposer's withdrawal (anyone's, once a majority is out of reach). */
export function WithdrawWinnerButton({ tenderId, proposalId }: { tenderId: string; proposalId: string }) {
  const t = useTranslations("evaluation.proposal");
  return (
    <ActionForm action={withdrawWinnerProposalAction} doneText={t("withdrawn")} confirmText={t("withdrawConfirm")}>
      <input type="hidden" name="tenderId" value={tenderId} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <button type="submit" className={buttonClass("secondary")}>
        {t("withdraw")}
      </button>
    </ActionForm>
  );
}
