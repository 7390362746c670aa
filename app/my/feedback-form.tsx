"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { emptyForm } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";
import { feedbackAction } from "~/app/my/feedback-actions";

/** Rate a session once: 1–5 and an optional comment. */
export function FeedbackForm({ sessionId, title }: { sessionId: string; title: string }) {
  const t = useTranslations("feedback");
  const [state, action] = useActionState(feedbackAction, emptyForm);
  const id = useId();
  if (state.ok) return <FormAlert state={state} />;
  const ratingError = state.fieldErrors?.rating?.[0];
  return (
    <form action={action} className="space-y-2">
      <FormAlert state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <fieldset aria-describedby={ratingError ? `${id}-err` : undefined}>
        <legend className="text-sm font-medium">{t("rate", { title })}</legend>
        <div className="mt-1 flex gap-3">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="flex items-center gap-1 text-sm">
              <input
                type="radio"
                name="rating"
                value={n}
                required
                defaultChecked={state.values?.rating === String(n)}
              />
              {n}
            </label>
          ))}
        </div>
        {ratingError && (
          <p id={`${id}-err`} className="text-sm text-red-800">
            {ratingError}
          </p>
        )}
      </fieldset>
      <label htmlFor={`${id}-c`} className="block text-sm font-medium">
        {t("comment")}
      </label>
      <textarea
        id={`${id}-c`}
        name="comment"
        maxLength={2000}
        rows={2}
        defaultValue={state.values?.comment ?? ""}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
    </form>
  );
}
