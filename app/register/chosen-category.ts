import { useState, type FormEvent } from "react";

type Option = { value: string; label: string };

/**
 * The participant category a registration form has chosen, so that it shows the questions meant
 * for it: the one picked now, else `fallback` (the one sent last, or the previous registration's).
 * `onChange` goes on the form and follows its «category» select.
 */
export function useChosenCategory(fallback: string, categories: readonly Option[]) {
  const [category, setCategory] = useState<string | null>(null);
  return {
    chosen: category ?? fallback,
    categoryLabels: Object.fromEntries(categories.map((c) => [c.value, c.label])),
    onChange: (e: FormEvent<HTMLFormElement>) => {
      const field: EventTarget = e.target;
      if (field instanceof HTMLSelectElement && field.name === "category") setCategory(field.value);
    },
  };
}
