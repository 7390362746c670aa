/**
 * An iCalendar (RFC 5545) writer for the programme and personal schedules. Pure: no database.
 * CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character, TEXT values
 * escaped, local times with TZID and a VTIMEZONE for the forum's zone.
 */
import { zonedParts } from "~/server/programme/time";

export type IcsStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export type IcsEvent = {
  /** Stable across exports and edits, e.g. "<sessionId>@forum-spo". */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: IcsStatus;
  /** Last change of anything the event shows: drives SEQUENCE, LAST-MODIFIED and DTSTAMP. */
  modifiedAt: Date;
  categories?: string[];
};

export type IcsCalendar = {
  /** X-WR-CALNAME: the name clients show for a subscription. */
  name: string;
  description?: string;
  timeZone: string;
  events: readonly IcsEvent[];
  /** Suggested refresh interval for subscribed feeds. */
  refreshMinutes?: number;
};

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line: no physical line longer than 75 octets, continuation lines start
 * with a space, and a multi-byte character (Cyrillic is two octets) is never cut.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** 20250825T073000Z */
export function formatUtc(date: Date): string {
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** 20250825T103000: the wall clock in the zone, for DTSTART;TZID=… */
export function formatLocal(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/**
 * VTIMEZONE definitions we can state exactly. Moscow has kept UTC+3 all year since
 * 26 October 2014 (02:00 local, from UTC+4); the forum's dates are all after that.
 */
const VTIMEZONES: Record<string, string[]> = {
  "Europe/Moscow": [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Moscow",
    "X-LIC-LOCATION:Europe/Moscow",
    "BEGIN:STANDARD",
    "DTSTART:20141026T020000",
    "TZOFFSETFROM:+0400",
    "TZOFFSETTO:+0300",
    "TZNAME:MSK",
    "END:STANDARD",
    "END:VTIMEZONE",
  ],
};

/** Zones other than those above are written in UTC, which every client understands. */
export function hasVtimezone(timeZone: string): boolean {
  return timeZone in VTIMEZONES;
}

/** SEQUENCE from the last change: whole seconds since 2024-01-01, so it only grows and stays in 32 bits. */
export function sequenceOf(modifiedAt: Date): number {
  return Math.max(0, Math.floor((modifiedAt.getTime() - Date.UTC(2024, 0, 1)) / 1000));
}

function dateProp(name: string, date: Date, timeZone: string): string {
  return hasVtimezone(timeZone)
    ? `${name};TZID=${timeZone}:${formatLocal(date, timeZone)}`
    : `${name}:${formatUtc(date)}`;
}

function eventLines(e: IcsEvent, timeZone: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `DTSTAMP:${formatUtc(e.modifiedAt)}`,
    `LAST-MODIFIED:${formatUtc(e.modifiedAt)}`,
    `SEQUENCE:${sequenceOf(e.modifiedAt)}`,
    dateProp("DTSTART", e.startsAt, timeZone),
    dateProp("DTEND", e.endsAt, timeZone),
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.categories && e.categories.length > 0) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
  lines.push(`STATUS:${e.status}`, "TRANSP:OPAQUE", "END:VEVENT");
  return lines;
}

/** The whole calendar as a string, ready to serve as text/calendar; charset=utf-8. */
export function buildCalendar(cal: IcsCalendar): string {
  const zoned = hasVtimezone(cal.timeZone);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Forum SPO//Programme//RU",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${cal.timeZone}`,
  ];
  if (cal.description) lines.push(`X-WR-CALDESC:${escapeText(cal.description)}`);
  if (cal.refreshMinutes) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${cal.refreshMinutes}M`);
  }
  if (zoned) lines.push(...VTIMEZONES[cal.timeZone]!);
  const events = [...cal.events].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.uid < b.uid ? -1 : 1),
  );
  for (const e of events) lines.push(...eventLines(e, cal.timeZone));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}
