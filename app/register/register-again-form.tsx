"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SelectField, SubmitButton } from "~/app/_components/forms";
import { QuestionFields, type FormQuestion } from "~/app/_components/question-fields";
import { RegionField } from "~/app/_components/region-field";
import { registerAgainAction } from "~/app/register/actions";
import { useChosenCategory } from "~/app/register/chosen-category";
import { ConsentFieldset } from "~/app/register/register-form";

type Option = { value: string; label: string };

/**
 * «Зарегистрироваться снова» for a signed-in person whose registration was cancelled: the profile
 * and the password stay; the category, region, answers and consent are given again.
 */
export function RegisterAgainForm(props: {
  regions: Option[];
  categories: Option[];
  consentText: string;
  consentVersion: string;
  questions: FormQuestion[];
  previous: { category: string; regionId: string };
}) {
  const t = useTranslations("registration");
  const [state, action] = useActionState(registerAgainAction, emptyForm);
  const { chosen, categoryLabels, onChange } = useChosenCategory(
    state.values?.category ?? props.previous.category,
    props.categories,
  );
  if (state.ok) {
    return (
      <div className="mt-4 space-y-3">
        <FormAlert state={state} />
        <Link href="/my" className="inline-block text-brand-700 underline">
          {t("toMy")}
        </Link>
      </div>
    );
  }
  return (
    <form
      key={state.stamp ?? 0}
      action={action}
      onChange={onChange}
      noValidate
      className="mt-4 space-y-8 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <FormAlert state={state} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("againParticipation")}</legend>
        <p className="text-sm text-slate-600 sm:col-span-2">{t("againProfileKept")}</p>
        <SelectField
          name="category"
          label={t("category")}
          state={state}
          required
          options={props.categories}
          placeholder={t("categoryPlaceholder")}
          defaultValue={props.previous.category}
        />
        <div className="sm:col-span-2">
          <RegionField state={state} options={props.regions} defaultValue={props.previous.regionId} />
        </div>
      </fieldset>
      <QuestionFields questions={props.questions} state={state} category={chosen} categoryLabels={categoryLabels} />
      <ConsentFieldset state={state} text={props.consentText} version={props.consentVersion} />
      <SubmitButton pendingLabel={t("submitting")}>{t("againSubmit")}</SubmitButton>
    </form>
  );
}
