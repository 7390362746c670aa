"use client";

import { useId } from "react";
import type { FormState } from "~/app/_components/form-state";

const errorsOf = (state: FormState, name: string) => state.fieldErrors?.[name];

/** A labelled multi-line field with its hint and errors (the shared forms have single-line fields only). */
export function TextAreaField({
  name,
  label,
  state,
  hint,
  defaultValue,
  maxLength,
  rows = 4,
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  defaultValue?: string;
  maxLength?: number;
  rows?: number;
}) {
  const id = useId();
  const errors = errorsOf(state, name);
  const described = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={state.values?.[name] ?? defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described || undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 sm:text-sm"
      />
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

/** A group of radio buttons with a legend (a required single choice). */
export function RadioGroup({
  name,
  legend,
  state,
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  state: FormState;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string;
}) {
  const id = useId();
  const errors = errorsOf(state, name);
  const selected = state.values?.[name] ?? defaultValue;
  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        {legend}
        <span aria-hidden className="text-red-700">
          {" "}
          *
        </span>
      </legend>
      <div className="mt-2 space-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={name}
              value={o.value}
              required
              defaultChecked={selected === o.value}
              className="mt-0.5 h-4 w-4"
            />
            <span>
              <span className="font-medium">{o.label}</span>
              {o.hint && <span className="block text-xs text-slate-600">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </fieldset>
  );
}
