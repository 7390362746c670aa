/**
 * The programme table organisers keep in Excel: one row per session, the same columns for the
 * template, the export and the import (an exported file can be edited and loaded back: its
 * code column matches the rows to existing sessions). Pure apart from the current locale.
 */
import { columnsT, exportT } from "~/server/i18n/server-messages";
import { inEveryLocale, serverTranslator } from "~/server/i18n/translate";
import { foldForSearch, SESSION_FORMATS, type SessionFormatValue } from "~/server/programme/rules";
import { formatZonedTime, zonedDayKey } from "~/server/programme/time";

/**
 * The columns in order, with their widths in a spreadsheet. Headers are written in the
 * requester's language (the "programmeColumns" messages) and read back in any language.
 */
export const COLUMNS = [
  { key: "code", width: 28 },
  { key: "day", width: 12 },
  { key: "start", width: 9 },
  { key: "end", width: 11 },
  { key: "track", width: 14 },
  { key: "format", width: 22 },
  { key: "title", width: 50 },
  { key: "description", width: 60 },
  { key: "room", width: 26 },
  { key: "capacity", width: 8 },
  { key: "closed", width: 10 },
  { key: "booking", width: 9 },
  { key: "moderators", width: 30 },
  { key: "speakers", width: 40 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** Columns the export adds for reading; the import skips them. */
const EXPORT_ONLY = ["status", "booked", "waitlist"] as const;
export const exportOnlyColumns = (): string[] => EXPORT_ONLY.map((k) => columnsT(k));
/** The export-only headers of every language (the import skips any of them). */
export const EXPORT_ONLY_COLUMNS = (): string[] => inEveryLocale(exportOnlyColumns).flat();

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["day", "start", "end", "format", "title"];

/** A column's header in the current locale. */
export const headerOf = (key: ColumnKey): string => columnsT(key);

/** «День (ДД.ММ.ГГГГ)», «  название* » and «Дата» all name their column. */
export function normaliseHeader(raw: string): string {
  return foldForSearch(raw.replace(/\([^)]*\)/g, "").replace(/[*:]/g, ""));
}

/** Other names of a column, in every language ("importAliases": names separated by «|»). */
const aliasesT = serverTranslator("server", "importAliases");

export function columnOf(header: string): ColumnKey | null {
  const h = normaliseHeader(header);
  const names = (key: ColumnKey) =>
    inEveryLocale(() => [
      headerOf(key),
      ...(aliasesT.has(key as never) ? aliasesT(key as never).split("|") : []),
    ]).flat();
  return COLUMNS.find((c) => names(c.key).some((n) => normaliseHeader(n) === h))?.key ?? null;
}

const formatsT = serverTranslator("programme", "formats");

export const formatLabel = (f: SessionFormatValue): string => formatsT(f);

/** «Круглый стол», "Round table" (any language) or «ROUND_TABLE». */
export function formatFromText(value: string): SessionFormatValue | null {
  const v = value.trim();
  if ((SESSION_FORMATS as readonly string[]).includes(v.toUpperCase())) return v.toUpperCase() as SessionFormatValue;
  const folded = foldForSearch(v);
  return SESSION_FORMATS.find((f) => inEveryLocale(() => foldForSearch(formatLabel(f))).includes(folded)) ?? null;
}

export const yesNo = (v: boolean): string => (v ? exportT("yes") : exportT("no"));

export const displayDay = (dayKey: string): string =>
  `${dayKey.slice(8, 10)}.${dayKey.slice(5, 7)}.${dayKey.slice(0, 4)}`;

export type ExportSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  format: SessionFormatValue;
  title: string;
  description: string;
  capacity: number | null;
  isClosed: boolean;
  bookingRequired: boolean;
  status: string;
  bookedCount: number;
  waitlistCount: number;
  track: { code: string } | null;
  room: { name: string } | null;
  moderators: readonly string[];
  speakers: readonly string[];
};

const statusLabel = (status: string): string =>
  status === "DRAFT" || status === "PUBLISHED" || status === "CANCELLED" ? columnsT(`status${status}`) : status;

/** One session as a row of the programme table (the export adds status and audience at the end). */
export function programmeRow(s: ExportSession, timeZone: string): (string | number)[] {
  return [
    s.id,
    displayDay(zonedDayKey(s.startsAt, timeZone)),
    formatZonedTime(s.startsAt, timeZone),
    formatZonedTime(s.endsAt, timeZone),
    s.track?.code ?? "",
    formatLabel(s.format),
    s.title,
    s.description,
    s.room?.name ?? "",
    s.capacity ?? "",
    yesNo(s.isClosed),
    yesNo(s.bookingRequired),
    s.moderators.join("; "),
    s.speakers.join("; "),
    statusLabel(s.status),
    s.bookedCount,
    s.waitlistCount,
  ];
}

export const exportHeader = (): string[] => [...COLUMNS.map((c) => headerOf(c.key)), ...exportOnlyColumns()];

/** The template: the header and one example row (to be replaced). */
export function templateRows(example: {
  day: string;
  start: string;
  end: string;
  trackCode: string;
  roomName: string;
  capacity: number;
}): string[][] {
  return [
    COLUMNS.map((c) => headerOf(c.key)),
    [
      "",
      displayDay(example.day),
      example.start,
      example.end,
      example.trackCode,
      formatLabel("ROUND_TABLE"),
      columnsT("exampleTitle"),
      columnsT("exampleDescription"),
      example.roomName,
      String(example.capacity),
      yesNo(false),
      yesNo(true),
      columnsT("exampleModerator"),
      columnsT("exampleSpeakers"),
    ],
  ];
}
