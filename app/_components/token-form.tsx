"use client";

import { useActionState, type ReactNode } from "react";
import { emptyForm, type FormState } from "~/app/_components/form-state";
import { FormAlert, SubmitButton } from "~/app/_components/forms";

/**
 * A one-button form for a link from a mail. The token is used on POST, not on opening the
 * page, so that mail scanners that open links cannot use up a single-use token.
 */
export function TokenForm({
  action,
  token,
  submit,
  pending,
  done,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  token: string;
  submit: string;
  pending: string;
  done?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, emptyForm);
  return (
    <div className="mt-5 space-y-4">
      <FormAlert state={state} />
      {state.ok ? (
        done
      ) : (
        <form key={state.stamp ?? 0} action={formAction}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel={pending}>{submit}</SubmitButton>
        </form>
      )}
    </div>
  );
}
