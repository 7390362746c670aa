"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton, TextField } from "~/app/_components/forms";
import { requestResetAction, resetPasswordAction } from "~/app/reset/actions";

export function RequestResetForm() {
  const t = useTranslations();
  const [state, action] = useActionState(requestResetAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-4 space-y-4">
      <FormAlert state={state} />
      <TextField name="email" label={t("signin.email")} state={state} type="email" autoComplete="email" required />
      <SubmitButton pendingLabel={t("reset.submitting")}>{t("reset.submit")}</SubmitButton>
    </form>
  );
}

export function NewPasswordForm({ token }: { token: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(resetPasswordAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-4 space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label={t("reset.newPassword")}
        state={state}
        type="password"
        autoComplete="new-password"
        hint={t("registration.passwordHint")}
        required
      />
      <SubmitButton pendingLabel={t("reset.submitting")}>{t("reset.newSubmit")}</SubmitButton>
    </form>
  );
}
