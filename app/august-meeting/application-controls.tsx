"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmedActionForm } from "~/app/_components/confirmed-action";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton, TextField } from "~/app/_components/forms";
import { cancelSubstituteAction, proposeSubstituteAction, withdrawAction } from "~/app/august-meeting/actions";

const quietButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:border-brand-600";

/** Withdrawing asks first: it cannot be undone (one application per person). */
export function WithdrawForm() {
  const t = useTranslations("meetingMy");
  return (
    <ConfirmedActionForm
      action={withdrawAction}
      ask={t("withdraw")}
      question={t("withdrawQuestion")}
      yes={t("withdrawYes")}
      no={t("withdrawNo")}
      pending={t("working")}
    />
  );
}

/** The head of the delegation proposes a registered participant, by email, in place of a member. */
export function ProposeSubstituteForm({ applicationId, name }: { applicationId: string; name: string }) {
  const t = useTranslations("meetingMy");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(proposeSubstituteAction, emptyForm);
  if (!open && !state.message) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`mt-2 ${quietButton}`}>
        {t("propose", { name })}
      </button>
    );
  }
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-2 space-y-3 rounded-md bg-slate-50 p-3">
      <FormAlert state={state} />
      {!state.ok && (
        <>
          <input type="hidden" name="applicationId" value={applicationId} />
          <TextField
            name="email"
            type="email"
            label={t("substituteEmail")}
            hint={t("substituteEmailHint")}
            state={state}
            required
          />
          <TextField name="note" label={t("substituteNote")} state={state} />
          <div className="flex flex-wrap gap-3">
            <SubmitButton pendingLabel={t("working")}>{t("proposeSubmit")}</SubmitButton>
            <button type="button" onClick={() => setOpen(false)} className={quietButton}>
              {t("cancel")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

export function CancelProposalForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("meetingMy");
  const [state, action] = useActionState(cancelSubstituteAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-2 space-y-2">
      <input type="hidden" name="id" value={applicationId} />
      <FormAlert state={state} />
      {!state.ok && <SubmitButton pendingLabel={t("working")}>{t("cancelProposal")}</SubmitButton>}
    </form>
  );
}
