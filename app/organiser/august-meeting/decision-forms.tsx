"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ConfirmCheckbox } from "~/app/_components/confirm-checkbox";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton, TextField } from "~/app/_components/forms";
import {
  accreditAction,
  approveSubstituteAction,
  declineAction,
  rejectSubstituteAction,
} from "~/app/organiser/august-meeting/actions";

const quiet = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600";

/*
 * Each form stays mounted while its application is listed (with `available` false once the
 * decision is taken), so its result message survives the refresh that shows the new state.
 */

export function AccreditForm({ id, name, available }: { id: string; name: string; available: boolean }) {
  const t = useTranslations("meetingOrganiser");
  const tc = useTranslations("confirmAction");
  const [state, action] = useActionState(accreditAction, emptyForm);
  if (!available && !state.message) return null;
  return (
    <form key={state.stamp ?? 0} action={action} className="space-y-2" aria-label={t("accreditLabel", { name })}>
      <input type="hidden" name="id" value={id} />
      <FormAlert state={state} />
      {!state.ok && available && (
        <>
          <ConfirmCheckbox label={tc("accredit", { name })} errors={state.fieldErrors?.confirm} />
          <SubmitButton pendingLabel={t("working")}>{t("accredit")}</SubmitButton>
        </>
      )}
    </form>
  );
}

/** Declining needs a reason (the applicant receives it), typed in a second step. */
export function DeclineForm({
  id,
  name,
  revoke,
  available,
}: {
  id: string;
  name: string;
  revoke: boolean;
  available: boolean;
}) {
  const t = useTranslations("meetingOrganiser");
  const tc = useTranslations("confirmAction");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(declineAction, emptyForm);
  if (!available && !state.message) return null;
  if (!open && !state.message) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={`${quiet} text-red-800`}>
        {revoke ? t("revoke") : t("decline")}
      </button>
    );
  }
  return (
    <form
      key={state.stamp ?? 0}
      action={action}
      noValidate
      aria-label={t("declineLabel", { name })}
      className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
    >
      <FormAlert state={state} />
      {!state.ok && (
        <>
          <input type="hidden" name="id" value={id} />
          <TextField name="reason" label={t("reason")} hint={t("reasonHint")} state={state} required />
          <ConfirmCheckbox
            label={revoke ? tc("revoke", { name }) : tc("decline", { name })}
            errors={state.fieldErrors?.confirm}
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton tone="danger" pendingLabel={t("working")}>
              {revoke ? t("revokeSubmit") : t("declineSubmit")}
            </SubmitButton>
            <button type="button" onClick={() => setOpen(false)} className={quiet}>
              {t("cancel")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

export function SubstitutionForms({ id, available }: { id: string; available: boolean }) {
  const t = useTranslations("meetingOrganiser");
  const [approveState, approve] = useActionState(approveSubstituteAction, emptyForm);
  const [rejectState, reject] = useActionState(rejectSubstituteAction, emptyForm);
  const [rejecting, setRejecting] = useState(false);
  if (!available && !approveState.message && !rejectState.message) return null;
  const finished = approveState.ok || rejectState.ok || !available;
  return (
    <div className="mt-2 space-y-2">
      <FormAlert state={approveState.message ? approveState : rejectState} />
      {!finished && (
        <div className="flex flex-wrap items-start gap-2">
          <form key={approveState.stamp ?? 0} action={approve}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton pendingLabel={t("working")}>{t("approveSubstitute")}</SubmitButton>
          </form>
          {rejecting ? (
            <form key={rejectState.stamp ?? 0} action={reject} noValidate className="w-full space-y-2">
              <input type="hidden" name="id" value={id} />
              <TextField name="reason" label={t("rejectReason")} state={rejectState} />
              <div className="flex gap-2">
                <SubmitButton tone="danger" pendingLabel={t("working")}>
                  {t("rejectSubmit")}
                </SubmitButton>
                <button type="button" className={quiet} onClick={() => setRejecting(false)}>
                  {t("cancel")}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className={`${quiet} text-red-800`} onClick={() => setRejecting(true)}>
              {t("rejectSubstitute")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
