"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { QuestionFields, type FormQuestion } from "~/app/_components/question-fields";
import { saveAnswersAction } from "~/app/account/actions";

/** The person's answers to the organisers' questions, editable while registration is open. */
export function AnswersForm({
  questions,
  initial,
  categoryLabels,
}: {
  questions: FormQuestion[];
  initial: Record<string, string | string[] | undefined>;
  categoryLabels: Record<string, string>;
}) {
  const t = useTranslations("answerForm");
  const [state, action] = useActionState(saveAnswersAction, emptyForm);
  return (
    <form key={state.stamp ?? 0} action={action} noValidate className="mt-4 space-y-4">
      <FormAlert state={state} />
      <QuestionFields
        questions={questions}
        state={state}
        initial={initial}
        categoryLabels={categoryLabels}
        title={t("title")}
      />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
