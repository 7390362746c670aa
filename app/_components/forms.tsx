"use client";

import { useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "~/app/_components/form-state";

const inputClass =
  "mt-1 block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 sm:text-sm aria-[invalid=true]:border-red-600 border-slate-300";

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  required?: boolean;
};

function FieldShell({
  id,
  label,
  hint,
  errors,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextField({
  name,
  label,
  state,
  hint,
  required,
  type = "text",
  autoComplete,
  defaultValue,
  inputMode,
}: FieldProps & {
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: "text" | "email" | "tel";
}) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={required}>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={type === "password" ? undefined : (state.values?.[name] ?? defaultValue)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  state,
  hint,
  required,
  options,
  placeholder,
  defaultValue,
}: FieldProps & { options: { value: string; label: string }[]; placeholder: string; defaultValue?: string }) {
  const id = useId();
  const errors = state.fieldErrors?.[name];
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} required={required}>
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={state.values?.[name] ?? defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className={inputClass}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
}: {
  children: ReactNode;
  pendingLabel: string;
  tone?: "primary" | "danger";
}) {
  const { pending } = useFormStatus();
  const colours =
    tone === "danger" ? "bg-red-700 hover:bg-red-800 text-white" : "bg-brand-700 hover:bg-brand-900 text-white";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-70 ${colours}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

/** The form's overall result: an error (role=alert) or a success note (role=status). */
export function FormAlert({ state }: { state: FormState }) {
  if (!state.message) return null;
  return state.ok ? (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
      {state.message}
    </p>
  );
}
