"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmedActionForm } from "~/app/_components/confirmed-action";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/app/_components/forms";
import { RegionField } from "~/app/_components/region-field";
import {
  cancelRegistrationAction,
  changePasswordAction,
  deleteAccountAction,
  requestEmailChangeAction,
  updateProfileAction,
} from "~/app/account/actions";

type Option = { value: string; label: string };

export function ProfileForm({
  regions,
  categories,
  initial,
}: {
  regions: Option[];
  categories: Option[];
  initial: Record<string, string>;
}) {
  const t = useTranslations();
  const [state, action] = useActionState(updateProfileAction, emptyForm);
  const shown = { ...state, values: { ...initial, ...state.values } };
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-4 grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormAlert state={state} />
      </div>
      <TextField name="surname" label={t("registration.surname")} state={shown} required />
      <TextField name="firstName" label={t("registration.firstName")} state={shown} required />
      <TextField name="patronymic" label={t("registration.patronymic")} state={shown} />
      <TextField
        name="phone"
        label={t("registration.phone")}
        state={shown}
        type="tel"
        hint={t("registration.phoneHint")}
        required
      />
      <div className="sm:col-span-2">
        <RegionField state={shown} options={regions} />
      </div>
      <TextField name="organisation" label={t("registration.organisation")} state={shown} required />
      <TextField name="position" label={t("registration.position")} state={shown} required />
      <SelectField
        name="category"
        label={t("registration.category")}
        state={shown}
        options={categories}
        placeholder={t("registration.categoryPlaceholder")}
        required
      />
      <TextField name="cluster" label={t("registration.cluster")} state={shown} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={t("accountPage.saving")}>{t("accountPage.save")}</SubmitButton>
      </div>
    </form>
  );
}

export function EmailChangeForm() {
  const t = useTranslations("accountPage");
  const [state, action] = useActionState(requestEmailChangeAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-3 space-y-3">
      <FormAlert state={state} />
      <TextField name="email" label={t("newEmail")} state={state} type="email" autoComplete="email" required />
      <SubmitButton pendingLabel={t("saving")}>{t("emailSubmit")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations();
  const [state, action] = useActionState(changePasswordAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} className="mt-3 space-y-3">
      <FormAlert state={state} />
      <TextField
        name="currentPassword"
        label={t("accountPage.currentPassword")}
        state={state}
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        name="newPassword"
        label={t("accountPage.newPassword")}
        state={state}
        type="password"
        autoComplete="new-password"
        hint={t("registration.passwordHint")}
        required
      />
      <SubmitButton pendingLabel={t("accountPage.saving")}>{t("accountPage.passwordSubmit")}</SubmitButton>
    </form>
  );
}

export function CancelRegistrationForm() {
  const t = useTranslations("accountPage");
  return (
    <ConfirmedActionForm
      action={cancelRegistrationAction}
      ask={t("cancelAsk")}
      yes={t("cancelConfirm")}
      no={t("keep")}
      pending={t("saving")}
    />
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("accountPage");
  return (
    <ConfirmedActionForm
      action={deleteAccountAction}
      ask={t("deleteAsk")}
      yes={t("deleteSubmit")}
      no={t("back")}
      pending={t("saving")}
    >
      {(state) => <TextField name="confirmEmail" label={t("deleteConfirmEmail")} state={state} type="email" required />}
    </ConfirmedActionForm>
  );
}
