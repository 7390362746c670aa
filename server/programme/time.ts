/**
 * Time-zone maths for the programme. Instants are stored in UTC; people see them in the
 * edition's zone (Europe/Moscow). Zoned wall clocks come from `@date-fns/tz` (TZDate: a Date whose
 * getters read the zone's wall clock, tzdata from the runtime's Intl). Pure functions, no database.
 */
import { TZDate, tzOffset } from "@date-fns/tz";

type ZonedParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The instant as a TZDate in the zone; an unknown zone is a RangeError, as Intl makes it. */
function inZone(date: Date | number, timeZone: string): TZDate {
  const zoned = new TZDate(typeof date === "number" ? date : date.getTime(), timeZone);
  if (Number.isNaN(zoned.getTime()) || Number.isNaN(tzOffset(timeZone, zoned))) {
    throw new RangeError(`Not a time zone, or not a time: ${timeZone}`);
  }
  return zoned;
}

/** Wall-clock fields of an instant in a zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const z = inZone(date, timeZone);
  return {
    year: z.getFullYear(),
    month: z.getMonth() + 1,
    day: z.getDate(),
    hour: z.getHours(),
    minute: z.getMinutes(),
    second: z.getSeconds(),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Moscow: +180). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  return tzOffset(timeZone, inZone(date, timeZone));
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
 * "Europe/Moscow" → 07:00Z). Across a change of offset: a time that does not exist (clocks jump
 * forward) moves forward by the gap; a time that exists twice (clocks go back) is the later one.
 */
export function zonedTimeToUtc(dayKey: string, time: string, timeZone: string): Date {
  const d = DAY_KEY.exec(dayKey);
  const t = TIME.exec(time);
  if (!d || !t || !isDayKey(dayKey)) throw new RangeError(`Not a day and time: ${dayKey} ${time}`);
  inZone(0, timeZone);
  const zoned = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), timeZone);
  return new Date(zoned.getTime());
}

/** The half-open UTC range [from, to) covering a calendar day in the zone (23 or 25 hours on a change). */
export function zonedDayRange(dayKey: string, timeZone: string): { from: Date; to: Date } {
  if (!isDayKey(dayKey)) throw new RangeError(`Not a day: ${dayKey}`);
  inZone(0, timeZone);
  const [y, m, d] = dayKey.split("-").map(Number) as [number, number, number];
  // TZDate carries day 32 into the next month, as Date does.
  return {
    from: new Date(new TZDate(y, m - 1, d, 0, 0, timeZone).getTime()),
    to: new Date(new TZDate(y, m - 1, d + 1, 0, 0, timeZone).getTime()),
  };
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

/**
 * Short name of a zone for people: Moscow by its name in the viewer's language (`moscowName`,
 * the "booking.zoneMoscow" message: «МСК», "MSK"), otherwise "UTC+N".
 */
export function zoneLabel(timeZone: string, at: Date, moscowName: string): string {
  if (timeZone === "Europe/Moscow") return moscowName;
  const offset = zoneOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? "−" : "+";
  const abs = Math.abs(offset);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}
