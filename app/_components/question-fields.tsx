"use client";

import { useTranslations } from "next-intl";
import { useId, useSyncExternalStore } from "react";
import type { FormState } from "~/app/_components/form-state";

/** A question of the registration form as the page receives it (questions.form / questions.mine). */
export type FormQuestion = {
  id: string;
  kind: "SHORT_TEXT" | "LONG_TEXT" | "ONE_CHOICE" | "MANY_CHOICES" | "YES_NO" | "DATE";
  label: string;
  help: string;
  required: boolean;
  categories: string[];
  options: { id: string; label: string }[];
};

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 sm:text-sm aria-[invalid=true]:border-red-600";

const noop = () => () => {};
/** True once the page runs JavaScript (false in the server's HTML and without JavaScript). */
const useScripted = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

const fieldName = (id: string) => `q_${id}`;

function Title({ question }: { question: FormQuestion }) {
  const t = useTranslations("answerForm");
  return (
    <>
      <span data-field-name>{question.label}</span>
      <span className={question.required ? "text-red-700" : "text-slate-500"}>
        {" "}
        ({question.required ? t("required") : t("optional")})
      </span>
    </>
  );
}

function Notes({
  id,
  question,
  errors,
  categoryLabel,
}: {
  id: string;
  question: FormQuestion;
  errors?: string[];
  categoryLabel: (c: string) => string;
}) {
  const t = useTranslations("answerForm");
  return (
    <>
      {question.help && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {question.help}
        </p>
      )}
      {question.categories.length > 0 && (
        <p id={`${id}-for`} className="mt-1 text-xs text-slate-600">
          {t("onlyFor", { list: question.categories.map(categoryLabel).join(", ") })}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </>
  );
}

function QuestionField({
  question,
  state,
  initial,
  categoryLabel,
}: {
  question: FormQuestion;
  state: FormState;
  initial?: string | string[];
  categoryLabel: (c: string) => string;
}) {
  const t = useTranslations("answerForm");
  const id = useId();
  const name = fieldName(question.id);
  const errors = state.fieldErrors?.[name];
  const typed = state.answers ? state.answers[name] : initial;
  const values = typed === undefined ? [] : Array.isArray(typed) ? typed : [typed];
  const describedBy =
    [
      question.help ? `${id}-hint` : "",
      question.categories.length ? `${id}-for` : "",
      errors?.length ? `${id}-error` : "",
    ]
      .filter(Boolean)
      .join(" ") || undefined;
  const invalid = errors?.length ? true : undefined;

  if (question.kind === "SHORT_TEXT" || question.kind === "LONG_TEXT" || question.kind === "DATE") {
    const common = {
      id,
      name,
      defaultValue: values[0] ?? "",
      required: question.required,
      "aria-invalid": invalid,
      "aria-describedby": describedBy,
      className: inputClass,
    };
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          <Title question={question} />
        </label>
        {question.kind === "LONG_TEXT" ? (
          <textarea {...common} rows={4} maxLength={2000} />
        ) : question.kind === "DATE" ? (
          <input {...common} type="date" min="1900-01-01" max="2100-12-31" />
        ) : (
          <input {...common} type="text" maxLength={200} />
        )}
        <Notes id={id} question={question} errors={errors} categoryLabel={categoryLabel} />
      </div>
    );
  }

  const many = question.kind === "MANY_CHOICES";
  const choices =
    question.kind === "YES_NO"
      ? [
          { id: "yes", label: t("yes") },
          { id: "no", label: t("no") },
        ]
      : question.options;
  return (
    // A group takes neither aria-required nor aria-invalid: the options carry them (native
    // «required» on radios; «обязательный» is in the legend), the errors are tied to the group.
    <fieldset data-field-group aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">
        <Title question={question} />
      </legend>
      <div className="mt-1 space-y-1">
        {choices.map((c, i) => (
          <div key={c.id} className="flex items-start gap-2">
            <input
              id={`${id}-${i}`}
              type={many ? "checkbox" : "radio"}
              name={name}
              value={c.id}
              defaultChecked={values.includes(c.id)}
              required={!many && question.required}
              aria-invalid={invalid}
              className="mt-1 h-4 w-4 shrink-0"
            />
            <label htmlFor={`${id}-${i}`} className="text-sm">
              {c.label}
            </label>
          </div>
        ))}
      </div>
      <Notes id={id} question={question} errors={errors} categoryLabel={categoryLabel} />
    </fieldset>
  );
}

/**
 * The organisers' questions in a form. With JavaScript a question limited to some categories
 * shows only while one of them is chosen (`category`; hidden ones are disabled, so not sent);
 * without it every question shows, with a note, and the server ignores answers that do not apply.
 */
export function QuestionFields({
  questions,
  state,
  category,
  initial = {},
  categoryLabels,
  title,
}: {
  questions: FormQuestion[];
  state: FormState;
  /** The category chosen in the form; undefined: the form has no category field (all apply). */
  category?: string;
  initial?: Record<string, string | string[] | undefined>;
  categoryLabels: Record<string, string>;
  title?: string;
}) {
  const t = useTranslations("answerForm");
  const scripted = useScripted();
  if (questions.length === 0) return null;
  const applies = (q: FormQuestion) =>
    category === undefined || !scripted || q.categories.length === 0 || q.categories.includes(category);
  const limited = questions.some((q) => q.categories.length > 0);
  return (
    <fieldset className="space-y-5">
      <legend className="mb-2 text-lg font-semibold">{title ?? t("sectionTitle")}</legend>
      {limited && category !== undefined && !scripted && <p className="text-sm text-slate-600">{t("noScriptNote")}</p>}
      {questions.map((q) => (
        <div key={q.id} hidden={!applies(q)} data-question={q.id}>
          <fieldset disabled={!applies(q)} className="contents">
            <QuestionField
              question={q}
              state={state}
              initial={initial[fieldName(q.id)]}
              categoryLabel={(c) => categoryLabels[c] ?? c}
            />
          </fieldset>
        </div>
      ))}
    </fieldset>
  );
}
