/**
 * The programme table organisers keep in Excel: one row per session, the same columns for the
 * template, the export and the import (an exported file can be edited and loaded back: its
 * «Код» column matches the rows to existing sessions). Pure.
 */
import programme from "~/server/i18n/messages/ru/programme.json";
import { foldForSearch, SESSION_FORMATS, type SessionFormatValue } from "~/server/programme/rules";
import { formatZonedTime, zonedDayKey } from "~/server/programme/time";

export const COLUMNS = [
  { key: "code", header: "Код", width: 28 },
  { key: "day", header: "День", width: 12 },
  { key: "start", header: "Начало", width: 9 },
  { key: "end", header: "Окончание", width: 11 },
  { key: "track", header: "Трек", width: 14 },
  { key: "format", header: "Формат", width: 22 },
  { key: "title", header: "Название", width: 50 },
  { key: "description", header: "Описание", width: 60 },
  { key: "room", header: "Зал", width: 26 },
  { key: "capacity", header: "Мест", width: 8 },
  { key: "closed", header: "Закрытое", width: 10 },
  { key: "booking", header: "Запись", width: 9 },
  { key: "moderators", header: "Модераторы", width: 30 },
  { key: "speakers", header: "Спикеры", width: 40 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]["key"];

/** Columns the export adds for reading; the import skips them. */
export const EXPORT_ONLY_COLUMNS = ["Статус", "Записано", "Лист ожидания"] as const;

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["day", "start", "end", "format", "title"];

export const headerOf = (key: ColumnKey): string => COLUMNS.find((c) => c.key === key)!.header;

/** «День (ДД.ММ.ГГГГ)», «  название* » and «Дата» all name their column. */
export function normaliseHeader(raw: string): string {
  return foldForSearch(raw.replace(/\([^)]*\)/g, "").replace(/[*:]/g, ""));
}

const ALIASES: Record<string, ColumnKey> = {
  id: "code",
  дата: "day",
  "время начала": "start",
  "время окончания": "end",
  конец: "end",
  "код трека": "track",
  тема: "title",
  аудитория: "room",
  "число мест": "capacity",
  вместимость: "capacity",
};

export function columnOf(header: string): ColumnKey | null {
  const h = normaliseHeader(header);
  const exact = COLUMNS.find((c) => normaliseHeader(c.header) === h);
  return exact?.key ?? ALIASES[h] ?? null;
}

const FORMAT_LABELS = programme.formats as Record<SessionFormatValue, string>;

export const formatLabel = (f: SessionFormatValue): string => FORMAT_LABELS[f];

/** «Круглый стол», «круглый стол» or «ROUND_TABLE». */
export function formatFromText(value: string): SessionFormatValue | null {
  const v = value.trim();
  if ((SESSION_FORMATS as readonly string[]).includes(v.toUpperCase())) return v.toUpperCase() as SessionFormatValue;
  const folded = foldForSearch(v);
  return SESSION_FORMATS.find((f) => foldForSearch(FORMAT_LABELS[f]) === folded) ?? null;
}

export const yesNo = (v: boolean): string => (v ? "да" : "нет");

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

const STATUS_LABELS: Record<string, string> = { DRAFT: "черновик", PUBLISHED: "опубликовано", CANCELLED: "отменено" };

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
    STATUS_LABELS[s.status] ?? s.status,
    s.bookedCount,
    s.waitlistCount,
  ];
}

export const exportHeader = (): string[] => [...COLUMNS.map((c) => c.header), ...EXPORT_ONLY_COLUMNS];

/** The template: the header and one example row (to be replaced). */
export function templateRows(example: { day: string; trackCode: string; roomName: string }): string[][] {
  return [
    COLUMNS.map((c) => c.header),
    [
      "",
      displayDay(example.day),
      "15:00",
      "16:30",
      example.trackCode,
      formatLabel("ROUND_TABLE"),
      "Пример: круглый стол о наставничестве",
      "Абзацы разделяйте пустой строкой. Можно **жирный** и *курсив*.",
      example.roomName,
      "60",
      "нет",
      "да",
      "Иванова Мария Петровна",
      "Петров Иван Сергеевич; Сидорова Анна Игоревна",
    ],
  ];
}
