"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
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
  keep,
}: FieldProps & {
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  defaultValue?: string;
  inputMode?: "text" | "email" | "tel";
  /** A value held by the page (a password is never sent back: the form keeps it across a refusal). */
  keep?: { value: string; set: (value: string) => void };
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
        {...(keep
          ? { value: keep.value, onChange: (e: { target: { value: string } }) => keep.set(e.target.value) }
          : { defaultValue: type === "password" ? undefined : (state.values?.[name] ?? defaultValue) })}
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

type SummaryLink = { id: string; text: string };

/** The invalid fields of the form around `box`, in page order, as links named by their labels. */
function invalidFieldLinks(box: HTMLElement, fieldErrors: FormState["fieldErrors"]): SummaryLink[] {
  const form = box.closest("form");
  if (!form || !fieldErrors) return [];
  const links: SummaryLink[] = [];
  const seen = new Set<string>();
  for (const el of Array.from(form.elements)) {
    const name = (el as HTMLInputElement).name;
    const errors = name ? fieldErrors[name] : undefined;
    if (!errors?.length || seen.has(name) || !el.id) continue;
    seen.add(name);
    // A group of radios or checkboxes is named by its legend (data-field-group), not by one option;
    // a label's [data-field-name] part leaves out marks such as «required».
    const labelEl =
      el.closest("fieldset[data-field-group]")?.querySelector("legend") ??
      form.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    const label = (labelEl?.querySelector("[data-field-name]") ?? labelEl)?.textContent?.replace(/\*\s*$/, "").trim();
    // The field's label names the link (the error itself is next to the field, tied by aria-describedby).
    links.push({ id: el.id, text: label || errors[0]! });
  }
  return links;
}

/**
 * The form's overall result: an error (role=alert) or a success note (role=status). The one
 * place every form reports back, so it also moves focus there when the answer arrives (the form
 * remounts and focus would fall to <body>); with errors by field it lists them as links that
 * focus each invalid field (an error summary).
 */
export function FormAlert({ state }: { state: FormState }) {
  const ref = useRef<HTMLDivElement>(null);
  const [links, setLinks] = useState<SummaryLink[]>([]);
  useEffect(() => {
    const box = ref.current;
    if (!box || !state.message) return;
    setLinks(state.ok ? [] : invalidFieldLinks(box, state.fieldErrors));
    box.focus();
  }, [state]);
  if (!state.message) return null;
  return state.ok ? (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900"
    >
      {state.message}
    </div>
  ) : (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      data-error-summary
      className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <p>{state.message}</p>
      {links.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {links.map((l) => (
            <li key={l.id}>
              <a
                href={`#${l.id}`}
                className="underline hover:text-red-950"
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(l.id)?.focus();
                }}
              >
                {l.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
