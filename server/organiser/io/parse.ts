/**
 * Reads the programme table (rows of text from CSV or XLSX) into session rows with reasons for
 * everything that is wrong, row by row. Pure: references to tracks, rooms, people and existing
 * sessions are resolved later, against the database, by the import service.
 */
import { importT } from "~/server/organiser/messages";
import {
  columnOf,
  EXPORT_ONLY_COLUMNS,
  formatFromText,
  formatLabel,
  headerOf,
  normaliseHeader,
  REQUIRED_COLUMNS,
  type ColumnKey,
} from "~/server/organiser/io/columns";
import { foldForSearch, SESSION_FORMATS, type SessionFormatValue } from "~/server/programme/rules";
import { isDayKey } from "~/server/programme/time";
import { inEveryLocale, serverTranslator } from "~/server/i18n/translate";

/** Sessions in one file; the service refuses longer files before parsing (io/limits.ts). */
export const MAX_ROWS = 2000;

export type ParsedRow = {
  /** Line in the file (the header is line 1). */
  line: number;
  code: string | null;
  day: string | null;
  start: string | null;
  end: string | null;
  trackCode: string | null;
  format: SessionFormatValue | null;
  title: string;
  description: string;
  roomName: string | null;
  capacity: number | null;
  isClosed: boolean;
  bookingRequired: boolean;
  moderators: string[];
  speakers: string[];
  errors: string[];
};

export type ParsedTable = { rows: ParsedRow[]; fileErrors: string[]; notes: string[] };

const pad = (n: number) => String(n).padStart(2, "0");

/** «25.08.2025», «5.8.2025», «2025-08-25» or an Excel day number → "2025-08-25"; null when not a date. */
export function parseDay(raw: string): string | null {
  const v = raw.trim();
  let key: string | null = null;
  let m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  if (m) key = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m = key ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) key = `${m[1]}-${m[2]}-${m[3]}`;
  if (!key && /^\d{5}$/.test(v)) {
    const date = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000);
    key = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  }
  return key && isDayKey(key) ? key : null;
}

/** «9:30», «09:30», «09.30», «09:30:00» or an Excel day fraction (0.3958…) → "09:30". */
export function parseTime(raw: string): string | null {
  const v = raw.trim();
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(v);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h < 24 && min < 60 ? `${pad(h)}:${pad(min)}` : null;
  }
  if (/^0?[.,]\d+$/.test(v)) {
    const minutes = Math.round(Number(v.replace(",", ".")) * 24 * 60);
    return minutes < 24 * 60 ? `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : null;
  }
  return null;
}

const flagsT = serverTranslator("server", "importFlags");
/** The words of every language ("importFlags", separated by «|») and the signs anyone uses. */
const words = (key: "yes" | "no", signs: string[]) =>
  new Set([
    ...signs,
    ...inEveryLocale(() => flagsT(key).split("|"))
      .flat()
      .map(foldForSearch),
  ]);
let flags: { yes: Set<string>; no: Set<string> } | undefined;

/** Yes/no in any language and the usual variants; undefined when not a yes or no, null when empty. */
export function parseFlag(raw: string): boolean | null | undefined {
  flags ??= { yes: words("yes", ["true", "1", "+", "x", "✓"]), no: words("no", ["false", "0", "-"]) };
  const v = foldForSearch(raw);
  if (v === "") return null;
  if (flags.yes.has(v)) return true;
  if (flags.no.has(v)) return false;
  return undefined;
}

export const splitPeople = (raw: string): string[] =>
  raw
    .split(/[;\n]/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length > 0);

const LIMITS: Partial<Record<ColumnKey, number>> = { title: 300, description: 10_000, room: 200, code: 64, track: 40 };

/** Reads the table: a header row naming the columns, then one session per row (blank rows skipped). */
export function parseProgrammeTable(table: readonly (readonly string[])[]): ParsedTable {
  const fileErrors: string[] = [];
  const notes: string[] = [];
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIndex < 0)
    return {
      rows: [],
      fileErrors: [importT("missingColumns", { columns: REQUIRED_COLUMNS.map(headerOf).join(", ") })],
      notes,
    };
  const header = table[headerIndex]!;
  const index = new Map<ColumnKey, number>();
  const unknown: string[] = [];
  const skipped = new Set(EXPORT_ONLY_COLUMNS().map(normaliseHeader));
  header.forEach((h, i) => {
    if (h.trim() === "") return;
    const key = columnOf(h);
    if (!key) {
      if (!skipped.has(normaliseHeader(h))) unknown.push(h.trim());
      return;
    }
    if (index.has(key)) fileErrors.push(importT("duplicateColumn", { column: h.trim() }));
    else index.set(key, i);
  });
  const missing = REQUIRED_COLUMNS.filter((k) => !index.has(k));
  if (missing.length > 0) fileErrors.push(importT("missingColumns", { columns: missing.map(headerOf).join(", ") }));
  if (unknown.length > 0) notes.push(importT("unknownColumns", { columns: unknown.join(", ") }));
  if (fileErrors.length > 0) return { rows: [], fileErrors, notes };

  const rows: ParsedRow[] = [];
  const seenCodes = new Map<string, number>();
  const seenRows = new Map<string, number>();
  for (let i = headerIndex + 1; i < table.length && rows.length < MAX_ROWS; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const get = (key: ColumnKey) => {
      const at = index.get(key);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const errors: string[] = [];
    const line = i + 1;
    for (const [key, max] of Object.entries(LIMITS) as [ColumnKey, number][]) {
      if (get(key).length > max) errors.push(importT("tooLong", { column: headerOf(key), max }));
    }
    for (const key of REQUIRED_COLUMNS) {
      if (get(key) === "") errors.push(importT("required", { column: headerOf(key) }));
    }
    const day = get("day") ? parseDay(get("day")) : null;
    if (get("day") && !day) errors.push(importT("badDay", { value: get("day") }));
    const time = (key: "start" | "end") => {
      const value = get(key) ? parseTime(get(key)) : null;
      if (get(key) && !value) errors.push(importT("badTime", { column: headerOf(key), value: get(key) }));
      return value;
    };
    const start = time("start");
    const end = time("end");
    const format = get("format") ? formatFromText(get("format")) : null;
    if (get("format") && !format) {
      errors.push(importT("badFormat", { value: get("format"), options: SESSION_FORMATS.map(formatLabel).join(", ") }));
    }
    let capacity: number | null = null;
    if (get("capacity") !== "") {
      const n = Number(get("capacity").replace(/\s/g, ""));
      if (Number.isInteger(n) && n >= 0 && n <= 10_000) capacity = n;
      else errors.push(importT("badCapacity", { value: get("capacity") }));
    }
    const flag = (key: "closed" | "booking", fallback: boolean) => {
      const v = parseFlag(get(key));
      if (v === undefined) errors.push(importT("badFlag", { column: headerOf(key), value: get(key) }));
      return v ?? fallback;
    };
    const code = get("code") || null;
    const earlier = code ? seenCodes.get(code) : undefined;
    if (code && earlier) errors.push(importT("duplicateCode", { value: code, line: earlier }));
    else if (code) seenCodes.set(code, line);
    const identity = [foldForSearch(get("title")), day, start, foldForSearch(get("room"))].join("|");
    const same = seenRows.get(identity);
    if (same && get("title") && !earlier) errors.push(importT("duplicateRow", { line: same }));
    else if (!same) seenRows.set(identity, line);
    rows.push({
      line,
      code,
      day,
      start,
      end,
      trackCode: get("track") || null,
      format,
      title: get("title").replace(/\s+/g, " "),
      description: get("description"),
      roomName: get("room") || null,
      capacity,
      isClosed: flag("closed", false),
      bookingRequired: flag("booking", true),
      moderators: splitPeople(get("moderators")),
      speakers: splitPeople(get("speakers")),
      errors,
    });
  }
  return { rows, fileErrors, notes };
}
