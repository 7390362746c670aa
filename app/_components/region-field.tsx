"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { FormState } from "~/app/_components/form-state";

type Option = { value: string; label: string };

/**
 * The region list with a filter box: typing narrows the options. Without JavaScript the
 * plain select still works (and is searchable by typing the first letters).
 */
export function RegionField({
  state,
  options,
  defaultValue,
}: {
  state: FormState;
  options: Option[];
  defaultValue?: string;
}) {
  const t = useTranslations("registration");
  const id = useId();
  const [filter, setFilter] = useState("");
  const selected = state.values?.regionId ?? defaultValue ?? "";
  const needle = filter.trim().toLocaleLowerCase("ru-RU").replace(/ё/g, "е");
  const visible = needle
    ? options.filter(
        (o) => o.value === selected || o.label.toLocaleLowerCase("ru-RU").replace(/ё/g, "е").includes(needle),
      )
    : options;
  const errors = state.fieldErrors?.regionId;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("region")}
        <span aria-hidden className="text-red-700">
          {" "}
          *
        </span>
      </label>
      <input
        type="search"
        aria-label={t("regionHint")}
        placeholder={t("regionHint")}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      />
      <select
        id={id}
        name="regionId"
        required
        defaultValue={selected}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="mt-2 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm"
      >
        <option value="">{t("regionPlaceholder")}</option>
        {visible.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {errors?.map((e) => (
        <p key={e} id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}
