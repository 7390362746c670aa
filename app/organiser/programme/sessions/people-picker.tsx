"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useSyncExternalStore } from "react";
import { announce } from "~/app/_components/a11y/announce";
import { useTRPC } from "~/app/_trpc/react";
import { FieldBox, Select } from "~/app/organiser/programme/_components/fields";
import { matchPeople, sameName, type PersonOption } from "~/server/organiser/people";

const noop = () => () => {};
/** False on the server and while hydrating, true after: the plain select is what works without JS. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

type Props = {
  name: "speakerIds" | "moderatorIds";
  label: string;
  people: PersonOption[];
  defaultValue: string[];
  errors?: string[];
  /** A person was added to the list of people (both pickers offer them then). */
  onCreated: (person: PersonOption) => void;
  /** The chosen people changed (the form re-runs its checks). */
  onChange: () => void;
};

/** The server's message for a refused addition: the name's own error first. */
function refusal(error: unknown, fallback: string): string {
  if (!(error instanceof TRPCClientError)) return fallback;
  const field = (error.data as { zodError?: { fieldErrors?: Record<string, string[]> } } | undefined)?.zodError
    ?.fieldErrors?.fullName?.[0];
  return field ?? error.message ?? fallback;
}

/**
 * Speakers or moderators of a session: a type-ahead combobox (ARIA 1.2 combobox with a listbox,
 * list autocomplete with the first match active) and the chosen people as removable chips, each
 * id in a hidden input of the form. Keyboard: ↓/↑ move through the matches, Enter adds, Escape
 * closes (then clears), Backspace in the empty field removes the last chip. A typed name nobody
 * has can be added as a new speaker on the spot. Without JavaScript the plain multiple select.
 */
export function PeoplePicker({ name, label, people, defaultValue, errors, onCreated, onChange }: Props) {
  const t = useTranslations("peoplePicker");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>(defaultValue);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(trpc.programmeAdmin.createSpeakerInline.mutationOptions());

  if (!hydrated) {
    return (
      <Select
        name={name}
        label={label}
        hint={t("fallbackHint")}
        options={people}
        defaultValue={defaultValue}
        multiple
        size={6}
        errors={errors}
      />
    );
  }

  const byId = new Map(people.map((p) => [p.value, p]));
  const matches = matchPeople(people, query, { exclude: chosen });
  const typed = query.trim().replace(/\s+/g, " ");
  const canCreate = typed.length >= 3 && !people.some((p) => sameName(p.name, typed));
  const count = matches.length + (canCreate ? 1 : 0);
  const at = Math.min(active, Math.max(0, count - 1));
  const optionId = (i: number) => `${listId}-o${i}`;
  const expanded = open && (count > 0 || typed.length > 0);

  const change = (next: string[]) => {
    setChosen(next);
    // The hidden inputs are rendered with the new list before the form reads them.
    setTimeout(onChange, 0);
  };
  const add = (person: PersonOption) => {
    change([...chosen, person.value]);
    setQuery("");
    setActive(0);
    setProblem(null);
    announce(t("added", { name: person.name, label }));
  };
  const remove = (id: string, refocus = true) => {
    change(chosen.filter((c) => c !== id));
    announce(t("removed", { name: byId.get(id)?.name ?? "", label }));
    if (refocus) inputRef.current?.focus();
  };
  const createTyped = () => {
    setProblem(null);
    create.mutate(
      { fullName: typed, organisation: "" },
      {
        onSuccess: (made) => {
          const person = { value: made.id, label: made.fullName, name: made.fullName, organisation: made.organisation };
          onCreated(person);
          add(person);
          announce(t("created", { name: made.fullName, label }));
        },
        onError: (e) => setProblem(refusal(e, t("failed"))),
      },
    );
  };
  const choose = (i: number) => {
    if (i < matches.length) add(matches[i]!);
    else if (canCreate) createTyped();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      if (count > 0) setActive((at + (e.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if (e.key === "Enter") {
      // Enter here never submits the form: it adds the active match.
      e.preventDefault();
      if (expanded && count > 0 && !create.isPending) choose(at);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else if (query) {
        e.preventDefault();
        setQuery("");
      }
    } else if (e.key === "Backspace" && query === "" && chosen.length > 0) {
      e.preventDefault();
      remove(chosen[chosen.length - 1]!);
    }
  };

  return (
    <FieldBox label={label} hint={t("hint")} errors={problem ? [problem, ...(errors ?? [])] : errors}>
      {({ id, describedBy, invalid }) => (
        <div className="relative mt-1">
          {chosen.map((c) => (
            <input key={c} type="hidden" name={name} value={c} />
          ))}
          {chosen.length > 0 && (
            <ul aria-label={t("chosen", { label })} className="mb-1 flex flex-wrap gap-1">
              {chosen.map((c) => {
                const person = byId.get(c);
                return (
                  <li
                    key={c}
                    className="inline-flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 py-0.5 pr-1 pl-2 text-sm text-slate-900"
                  >
                    <span title={person?.label}>{person?.name ?? c}</span>
                    <button
                      type="button"
                      aria-label={t("remove", { name: person?.name ?? c })}
                      onClick={() => remove(c)}
                      className="inline-flex h-6 w-6 items-center justify-center rounded-full text-slate-700 hover:bg-white hover:text-red-700"
                    >
                      <span aria-hidden>×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <input
            ref={inputRef}
            id={id}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && count > 0 ? optionId(at) : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={query}
            placeholder={t("placeholder")}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              setOpen(true);
              setProblem(null);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-600 disabled:bg-slate-100 sm:text-sm"
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            hidden={!expanded}
            className="absolute z-30 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
          >
            {matches.map((p, i) => (
              <li
                key={p.value}
                id={optionId(i)}
                role="option"
                aria-selected={i === at}
                // mousedown, not click: the field keeps focus (and the list stays open).
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(p);
                }}
                className={`cursor-pointer px-3 py-1.5 ${i === at ? "bg-brand-700 text-white" : "text-slate-900"}`}
              >
                {p.name}
                {p.organisation && (
                  <span className={i === at ? "text-white" : "text-slate-600"}> — {p.organisation}</span>
                )}
              </li>
            ))}
            {canCreate && (
              <li
                id={optionId(matches.length)}
                role="option"
                aria-selected={at === matches.length}
                onMouseDown={(e) => {
                  e.preventDefault();
                  createTyped();
                }}
                className={`cursor-pointer border-t border-slate-200 px-3 py-1.5 font-medium ${
                  at === matches.length ? "bg-brand-700 text-white" : "text-brand-700"
                }`}
              >
                {create.isPending ? t("creating") : t("create", { name: typed })}
              </li>
            )}
            {count === 0 && (
              <li role="option" aria-selected={false} aria-disabled className="px-3 py-1.5 text-slate-600">
                {t("none")}
              </li>
            )}
          </ul>
        </div>
      )}
    </FieldBox>
  );
}
