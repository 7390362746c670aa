/**
 * Time-zone maths for the programme. Instants are stored in UTC; people see them in the
 * edition's zone (Europe/Moscow). Pure functions, no database.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(date)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Moscow: +180). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of the instant's calendar day in the zone. */
export function zonedDayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "HH:MM" of the instant in the zone. */
export function formatZonedTime(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isDayKey(value: string): boolean {
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The UTC instant of a wall-clock time on a day in a zone ("2025-08-25", "10:00",
 * "Europe/Moscow" → 07:00Z). Correct across offset changes: the offset is taken at the
 * candidate instant and checked once more.
 */
export function zonedTimeToUtc(dayKey: string, time: string, timeZone: string): Date {
  const d = DAY_KEY.exec(dayKey);
  const t = TIME.exec(time);
  if (!d || !t || !isDayKey(dayKey)) throw new RangeError(`Not a day and time: ${dayKey} ${time}`);
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let instant = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  const corrected = wall - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** The half-open UTC range [from, to) covering a calendar day in the zone. */
export function zonedDayRange(dayKey: string, timeZone: string): { from: Date; to: Date } {
  const from = zonedTimeToUtc(dayKey, "00:00", timeZone);
  const next = new Date(
    Date.UTC(Number(dayKey.slice(0, 4)), Number(dayKey.slice(5, 7)) - 1, Number(dayKey.slice(8, 10)) + 1),
  );
  const nextKey = `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
  return { from, to: zonedTimeToUtc(nextKey, "00:00", timeZone) };
}

/** The calendar days an edition covers, as day keys in its zone ([startsAt, endsAt)). */
export function editionDayKeys(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const days: string[] = [];
  let key = zonedDayKey(startsAt, timeZone);
  for (let guard = 0; guard < 60; guard++) {
    const { from, to } = zonedDayRange(key, timeZone);
    if (from >= endsAt) break;
    days.push(key);
    key = zonedDayKey(to, timeZone);
  }
  return days;
}

/** Short name of a zone for people: "МСК" for Moscow, otherwise "UTC+N". */
export function zoneLabel(timeZone: string, at: Date): string {
  if (timeZone === "Europe/Moscow") return "МСК";
  const offset = zoneOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? "−" : "+";
  const abs = Math.abs(offset);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}
