"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { emptyForm, type FormState } from "~/app/_components/form-state";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/app/_components/forms";
import { QuestionFields, type FormQuestion } from "~/app/_components/question-fields";
import { RegionField } from "~/app/_components/region-field";
import { registerAction } from "~/app/register/actions";
import { useChosenCategory } from "~/app/register/chosen-category";

type Option = { value: string; label: string };

export function RegisterForm(props: {
  regions: Option[];
  categories: Option[];
  consentText: string;
  consentVersion: string;
  questions: FormQuestion[];
}) {
  const t = useTranslations("registration");
  const [state, action] = useActionState(registerAction, emptyForm);
  // Kept here, outside the form that remounts after each answer: a refused submit keeps the
  // password as typed (it is never sent back from the server).
  const [password, setPassword] = useState("");
  // The chosen category shows the questions meant for it (before any change: the one sent last).
  const { chosen, categoryLabels, onChange } = useChosenCategory(state.values?.category ?? "", props.categories);
  if (state.ok) {
    return (
      <div className="mt-6">
        <FormAlert state={state} />
      </div>
    );
  }
  return (
    <form
      key={state.stamp ?? 0}
      action={action}
      onChange={onChange}
      noValidate
      className="mt-6 space-y-8 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <FormAlert state={state} />
      <p className="text-sm text-slate-600">{t("required")}</p>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("personal")}</legend>
        <TextField name="surname" label={t("surname")} state={state} required autoComplete="family-name" />
        <TextField name="firstName" label={t("firstName")} state={state} required autoComplete="given-name" />
        <TextField name="patronymic" label={t("patronymic")} state={state} autoComplete="additional-name" />
        <TextField
          name="phone"
          label={t("phone")}
          state={state}
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          hint={t("phoneHint")}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("work")}</legend>
        <div className="sm:col-span-2">
          <RegionField state={state} options={props.regions} />
        </div>
        <TextField name="organisation" label={t("organisation")} state={state} required autoComplete="organization" />
        <TextField name="position" label={t("position")} state={state} required autoComplete="organization-title" />
        <SelectField
          name="category"
          label={t("category")}
          state={state}
          required
          options={props.categories}
          placeholder={t("categoryPlaceholder")}
        />
        <TextField name="cluster" label={t("cluster")} state={state} hint={t("clusterHint")} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("account")}</legend>
        <TextField
          name="email"
          label={t("email")}
          state={state}
          required
          type="email"
          inputMode="email"
          autoComplete="email"
        />
        <TextField
          name="password"
          label={t("password")}
          state={state}
          required
          type="password"
          autoComplete="new-password"
          hint={t("passwordHint")}
          keep={{ value: password, set: setPassword }}
        />
      </fieldset>
      <QuestionFields questions={props.questions} state={state} category={chosen} categoryLabels={categoryLabels} />
      <ConsentFieldset state={state} text={props.consentText} version={props.consentVersion} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}

/** The consent text (its version shown) and the checkbox that gives it. */
export function ConsentFieldset({ state, text, version }: { state: FormState; text: string; version: string }) {
  const t = useTranslations("registration");
  const consentId = useId();
  const consentErrors = state.fieldErrors?.consent;
  return (
    <fieldset>
      <legend className="mb-2 text-lg font-semibold">{t("consentTitle")}</legend>
      <div
        className="max-h-40 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700"
        tabIndex={0}
      >
        <p>{text}</p>
        <p className="mt-2 text-xs text-slate-500">{t("consentVersion", { version })}</p>
      </div>
      <div className="mt-3 flex items-start gap-2">
        <input
          id={consentId}
          type="checkbox"
          name="consent"
          defaultChecked={state.values?.consent === "on"}
          aria-invalid={consentErrors?.length ? true : undefined}
          aria-describedby={consentErrors?.length ? `${consentId}-error` : undefined}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor={consentId} className="text-sm font-medium">
          {t("consentLabel")}
        </label>
      </div>
      {consentErrors?.map((e) => (
        <p key={e} id={`${consentId}-error`} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </fieldset>
  );
}
