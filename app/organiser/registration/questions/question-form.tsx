"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { Checkbox, Input, TextArea } from "~/app/organiser/programme/_components/fields";
import { buttonSecondary, field } from "~/app/organiser/programme/_components/field-class";
import { saveQuestionAction, type QuestionFormState } from "~/app/organiser/registration/questions/actions";
import { QUESTION_KINDS, type QuestionKind } from "~/server/questions/rules";

export type QuestionInitial = {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  categories: string[];
  options: { id: string; label: string }[];
  answerCount: number;
};

/** One row of the options editor; `id` is the option's id on the server ("" for a new row). */
type Option = { key: number; id: string; label: string };
const isChoice = (kind: string) => kind === "ONE_CHOICE" || kind === "MANY_CHOICES";

/**
 * The question form (new or edit). What was typed comes back after a refusal: the form remounts
 * with the server's `values` and `lists` (the ticked categories and the options as typed).
 */
export function QuestionForm({
  initial,
  categories,
}: {
  initial?: QuestionInitial;
  categories: { value: string; label: string }[];
}) {
  const [state, run] = useActionState<QuestionFormState, FormData>(saveQuestionAction, {});
  return <QuestionFields key={state.stamp ?? 0} state={state} run={run} initial={initial} categories={categories} />;
}

function QuestionFields({
  state,
  run,
  initial,
  categories,
}: {
  state: QuestionFormState;
  run: (data: FormData) => void;
  initial?: QuestionInitial;
  categories: { value: string; label: string }[];
}) {
  const t = useTranslations("questionEditor");
  const id = useId();
  const values = state.values;
  const errors = state.fieldErrors ?? {};
  const kindFixed = Boolean(initial && initial.answerCount > 0);
  const [kind, setKind] = useState<string>(values?.kind ?? initial?.kind ?? "");
  const [options, setOptions] = useState<Option[]>(() => {
    const start = state.lists
      ? state.lists.options.map((label, i) => ({ id: state.lists?.optionIds[i] ?? "", label }))
      : (initial?.options ?? []);
    const rows =
      start.length >= 2
        ? start
        : [...start, ...Array.from({ length: 2 - start.length }, () => ({ id: "", label: "" }))];
    return rows.map((row, key) => ({ key, ...row }));
  });
  const listRef = useRef<HTMLOListElement>(null);
  const ticked = new Set(state.lists?.categories ?? initial?.categories ?? []);
  const required = values ? values.required === "on" : (initial?.required ?? false);
  const kindErrors = errors.kind;
  const optionErrors = errors.options;

  const focusOption = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll("input")[index]?.focus());

  return (
    <form action={run} noValidate className="grid gap-4">
      {initial && <input type="hidden" name="id" value={initial.id} />}
      {initial && <input type="hidden" name="initialKind" value={initial.kind} />}
      <FormAlert state={state} />
      <div>
        <label htmlFor={`${id}-kind`} className="text-sm font-medium text-slate-800">
          {t("kind")}
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        </label>
        {kindFixed ? (
          <>
            <input type="hidden" name="kind" value={kind} />
            <p id={`${id}-kind`} className="mt-1 font-medium">
              {t(`kinds.${kind as QuestionKind}`)}
            </p>
            <p className="mt-1 text-xs text-slate-600">{t("kindFixed")}</p>
          </>
        ) : (
          <select
            id={`${id}-kind`}
            name="kind"
            required
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            aria-invalid={kindErrors?.length ? true : undefined}
            aria-describedby={kindErrors?.length ? `${id}-kind-error` : undefined}
            className={field}
          >
            <option value="">{t("kindPlaceholder")}</option>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        )}
        {kindErrors?.length ? (
          <p id={`${id}-kind-error`} className="mt-1 text-sm text-red-700">
            {kindErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <Input
        name="label"
        label={t("label")}
        defaultValue={values?.label ?? initial?.label}
        errors={errors.label}
        required
      />
      <TextArea
        name="help"
        rows={2}
        label={t("help")}
        hint={t("helpHint")}
        defaultValue={values?.help ?? initial?.help}
        errors={errors.help}
      />
      <Checkbox name="required" label={t("required")} defaultChecked={required} errors={errors.required} />
      <fieldset aria-describedby={`${id}-categories-hint`}>
        <legend className="text-sm font-medium text-slate-800">{t("categories")}</legend>
        <p id={`${id}-categories-hint`} className="mt-1 text-xs text-slate-600">
          {t("categoriesHint")}
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {categories.map((c) => (
            <label key={c.value} className="flex items-start gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="categories"
                value={c.value}
                defaultChecked={ticked.has(c.value)}
                className="mt-0.5 h-4 w-4 shrink-0"
              />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
        {errors.categories?.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">
            {e}
          </p>
        ))}
      </fieldset>
      {isChoice(kind) && (
        <fieldset
          aria-describedby={`${id}-options-hint${optionErrors?.length ? ` ${id}-options-error` : ""}`}
          className="rounded-md border border-slate-200 p-3"
        >
          <legend className="px-1 text-sm font-medium text-slate-800">
            {t("options")}
            <span aria-hidden className="text-red-700">
              {" "}
              *
            </span>
          </legend>
          <p id={`${id}-options-hint`} className="text-xs text-slate-600">
            {t("optionsHint")}
          </p>
          <ol ref={listRef} className="mt-2 space-y-2">
            {options.map((o, i) => (
              <li key={o.key} className="flex items-end gap-2">
                <div className="min-w-0 flex-1">
                  <label htmlFor={`${id}-option-${o.key}`} className="text-xs text-slate-700">
                    {t("option", { n: i + 1 })}
                  </label>
                  <input type="hidden" name="optionIds" value={o.id} />
                  <input
                    id={`${id}-option-${o.key}`}
                    name="options"
                    value={o.label}
                    onChange={(e) =>
                      setOptions((all) => all.map((x) => (x.key === o.key ? { ...x, label: e.target.value } : x)))
                    }
                    aria-invalid={optionErrors?.length ? true : undefined}
                    className={field}
                  />
                </div>
                <button
                  type="button"
                  className={buttonSecondary}
                  aria-label={t("removeOption", { n: i + 1 })}
                  onClick={() => {
                    setOptions((all) => all.filter((x) => x.key !== o.key));
                    focusOption(Math.max(0, i - 1));
                  }}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
          {optionErrors?.length ? (
            <div id={`${id}-options-error`}>
              {optionErrors.map((e) => (
                <p key={e} className="mt-1 text-sm text-red-700">
                  {e}
                </p>
              ))}
            </div>
          ) : null}
          <button
            type="button"
            className={`${buttonSecondary} mt-3`}
            onClick={() => {
              setOptions((all) => [...all, { key: Math.max(-1, ...all.map((x) => x.key)) + 1, id: "", label: "" }]);
              focusOption(options.length);
            }}
          >
            {t("addOption")}
          </button>
        </fieldset>
      )}
      <div>
        <SubmitButton pendingLabel={t("saving")}>{initial ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
