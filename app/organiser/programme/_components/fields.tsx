"use client";

import { useId, type ReactNode } from "react";
import { field } from "~/app/organiser/programme/_components/field-class";

type Shell = { label: string; hint?: string; errors?: string[]; required?: boolean; className?: string };

/** Label, control, hint and errors, tied together for screen readers. */
export function FieldBox({
  label,
  hint,
  errors,
  required,
  className,
  children,
}: Shell & { children: (props: { id: string; describedBy?: string; invalid?: boolean }) => ReactNode }) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <div className="text-sm font-medium text-slate-800">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span aria-hidden className="text-red-700">
            {" "}
            *
          </span>
        )}
      </div>
      {children({ id, describedBy, invalid: errors?.length ? true : undefined })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <div id={`${id}-error`}>
          {errors.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

type InputProps = Shell & {
  name: string;
  defaultValue?: string;
  type?: "text" | "time" | "number" | "color" | "url";
  min?: number;
  step?: number;
  disabled?: boolean;
};

export function Input({ name, defaultValue, type = "text", min, step, disabled, ...shell }: InputProps) {
  return (
    <FieldBox {...shell}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          name={name}
          type={type}
          min={min}
          step={step}
          disabled={disabled}
          required={shell.required}
          defaultValue={defaultValue}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={type === "color" ? "mt-1 h-10 w-20 rounded border border-slate-300" : field}
        />
      )}
    </FieldBox>
  );
}

export function TextArea({
  name,
  defaultValue,
  rows = 6,
  disabled,
  ...shell
}: Shell & { name: string; defaultValue?: string; rows?: number; disabled?: boolean }) {
  return (
    <FieldBox {...shell}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          disabled={disabled}
          defaultValue={defaultValue}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={field}
        />
      )}
    </FieldBox>
  );
}

export function Select({
  name,
  options,
  placeholder,
  defaultValue,
  multiple,
  size,
  disabled,
  ...shell
}: Shell & {
  name: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string | string[];
  multiple?: boolean;
  size?: number;
  disabled?: boolean;
}) {
  return (
    <FieldBox {...shell}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          multiple={multiple}
          size={size}
          disabled={disabled}
          required={shell.required}
          defaultValue={defaultValue}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          className={field}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldBox>
  );
}

export function Checkbox({
  name,
  label,
  defaultChecked,
  disabled,
  errors,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  disabled?: boolean;
  errors?: string[];
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          disabled={disabled}
          className="mt-0.5 h-4 w-4"
        />
        <span>{label}</span>
      </label>
      {errors?.map((e) => (
        <p key={e} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}
