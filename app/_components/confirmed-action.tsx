"use client";

import { useActionState, useState, type ReactNode } from "react";
import { emptyForm, type FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";

/**
 * A destructive Server Action behind an explicit second step: a button opens a labelled group
 * with the question (and any extra fields, e.g. typing one's email), «yes» and «no». Focus goes
 * to «no»; Escape answers «no». After the answer the result stays on screen.
 */
export function ConfirmedActionForm({
  action,
  ask,
  question,
  yes,
  no,
  pending,
  children,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  ask: string;
  question?: string;
  yes: string;
  no: string;
  pending: string;
  /** Extra fields; a function gets the form state, to show errors next to them. */
  children?: ReactNode | ((state: FormState) => ReactNode);
}) {
  const [asking, setAsking] = useState(false);
  const [state, formAction] = useActionState(action, emptyForm);
  if (!asking && !state.message) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="mt-3 rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        {ask}
      </button>
    );
  }
  return (
    <form
      key={state.stamp ?? 0}
      action={formAction}
      role="group"
      aria-label={ask}
      className="mt-3 space-y-3 rounded-md border border-red-200 bg-red-50 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") setAsking(false);
      }}
    >
      <FormAlert state={state} />
      {!state.ok && (
        <>
          {question && <p className="text-sm text-red-950">{question}</p>}
          {typeof children === "function" ? children(state) : children}
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton tone="danger" pendingLabel={pending}>
              {yes}
            </SubmitButton>
            <button
              type="button"
              autoFocus
              onClick={() => setAsking(false)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:border-brand-600"
            >
              {no}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
