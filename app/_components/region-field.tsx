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
  // «ё» matches «е»: the diaeresis (U+0308) is dropped once decomposed.
  const fold = (text: string) =>
    text
      .toLocaleLowerCase("ru-RU")
      .normalize("NFD")
      .replace(/\u0308/g, "")
      .normalize("NFC");
  const needle = fold(filter.trim());
  const visible = needle ? options.filter((o) => o.value === selected || fold(o.label).includes(needle)) : options;
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
