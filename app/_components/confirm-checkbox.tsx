"use client";

import { useId } from "react";

/**
 * The confirmation step of a consequential action (publishing, accrediting, declining): a required
 * «Да, …» checkbox inside the form. It works without JavaScript (the browser will not send the
 * form unticked, and the server action refuses it too: app/_components/confirmation.ts) and with the
 * keyboard (Tab to it, Space to tick, Enter or the button to send).
 */
export function ConfirmCheckbox({ label, errors }: { label: string; errors?: string[] }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-900">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="yes"
          required
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? errorId : undefined}
          className="mt-0.5 h-4 w-4"
        />
        <span>{label}</span>
      </label>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
