/**
 * Programme rules that need no database: filters from the URL, search normalisation,
 * grouping into time slots.
 */
import { formatZonedTime } from "~/server/programme/time";

export const SESSION_FORMATS = [
  "PLENARY",
  "PARTNERSHIP_SESSION",
  "PROJECT_SESSION",
  "ROUND_TABLE",
  "PANEL_DISCUSSION",
  "MEETING",
] as const;
export type SessionFormatValue = (typeof SESSION_FORMATS)[number];

export const SEARCH_MAX_LENGTH = 100;

export type ProgrammeFilters = {
  day: string;
  track: string | null;
  format: SessionFormatValue | null;
  q: string;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * Reads the programme filters from URL parameters. Anything unknown or malformed is
 * dropped, so a bad link shows the unfiltered programme instead of an error.
 */
export function parseProgrammeFilters(
  params: SearchParams,
  options: { days: readonly string[]; trackCodes: readonly string[]; defaultDay?: string },
): ProgrammeFilters {
  const fallbackDay =
    options.defaultDay && options.days.includes(options.defaultDay) ? options.defaultDay : (options.days[0] ?? "");
  const day = first(params.day);
  const track = first(params.track);
  const format = first(params.format);
  const q = normaliseQuery(first(params.q) ?? "");
  return {
    day: day && options.days.includes(day) ? day : fallbackDay,
    track: track && options.trackCodes.includes(track) ? track : null,
    format: format && (SESSION_FORMATS as readonly string[]).includes(format) ? (format as SessionFormatValue) : null,
    q,
  };
}

/** The query string for a filtered view, without empty values; stable key order. */
export function programmeQuery(filters: Partial<ProgrammeFilters>): string {
  const params = new URLSearchParams();
  if (filters.day) params.set("day", filters.day);
  if (filters.track) params.set("track", filters.track);
  if (filters.format) params.set("format", filters.format);
  if (filters.q) params.set("q", filters.q);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * Sessions per page of a programme day: a phone gets a page it can carry (a day of a large
 * forum can hold hundreds), and a cached page costs the same whatever the programme's size.
 */
export const PROGRAMME_PAGE_SIZE = 30;

/** The page a `?page=` asks for, within 1…pageCount (anything else: the first). */
export function programmePage(raw: string | string[] | undefined, total: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / PROGRAMME_PAGE_SIZE));
  const n = typeof raw === "string" && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return { page: Math.min(Math.max(1, n), pageCount), pageCount };
}

/** Trims, collapses spaces and caps the length of what a person typed into search. */
export function normaliseQuery(raw: string): string {
  return raw.replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX_LENGTH);
}

/**
 * Folds text for search: lower case and "ё" as "е", so «Ёлкин» is found by «елкин»
 * whatever the database's collation.
 */
export function foldForSearch(text: string): string {
  // «ё» is «е» with a diaeresis (U+0308) once decomposed: dropping the mark folds it.
  return text
    .toLocaleLowerCase("ru-RU")
    .normalize("NFD")
    .replace(/\u0308/g, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

/** The stored search text of a session: its title, description and people. */
export function buildSessionSearchText(input: {
  title: string;
  description: string;
  people: readonly string[];
}): string {
  return foldForSearch([input.title, input.description, ...input.people].join(" \n "));
}

/** Search terms of a query: every word must occur. */
export function searchTerms(q: string): string[] {
  return foldForSearch(q)
    .split(" ")
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

export type Slot<T> = { key: string; startsAt: Date; label: string; items: T[] };

/**
 * Groups sessions by start time (in the zone), in time order; within a slot, the order
 * the caller gave is kept.
 */
export function groupBySlot<T extends { startsAt: Date }>(items: readonly T[], timeZone: string): Slot<T>[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const slots: Slot<T>[] = [];
  for (const item of sorted) {
    const last = slots.at(-1);
    if (last && last.startsAt.getTime() === item.startsAt.getTime()) {
      last.items.push(item);
    } else {
      const label = formatZonedTime(item.startsAt, timeZone);
      slots.push({ key: item.startsAt.toISOString(), startsAt: item.startsAt, label, items: [item] });
    }
  }
  return slots;
}
