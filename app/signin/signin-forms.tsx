"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton, TextField } from "~/app/_components/forms";
import { passwordSignInAction, requestLinkAction } from "~/app/signin/actions";

export function PasswordSignInForm({ next }: { next: string }) {
  const t = useTranslations("signin");
  const [state, action] = useActionState(passwordSignInAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-4 space-y-4">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label={t("email")} state={state} type="email" autoComplete="username" required />
      <TextField
        name="password"
        label={t("password")}
        state={state}
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function LinkRequestForm() {
  const t = useTranslations("signin");
  const [state, action] = useActionState(requestLinkAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-4 space-y-4">
      <FormAlert state={state} />
      <TextField name="email" label={t("email")} state={state} type="email" autoComplete="email" required />
      <SubmitButton pendingLabel={t("submitting")}>{t("linkSubmit")}</SubmitButton>
    </form>
  );
}
