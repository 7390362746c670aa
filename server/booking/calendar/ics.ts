/**
 * The iCalendar (RFC 5545) files of the programme and personal schedules, written by
 * `ical-generator` (escaping, folding at 75 octets, CRLF) with the VTIMEZONE of the forum's zone
 * from `@touch4it/ical-timezones` (tzdata compiled into the package: no network). Pure: no database.
 */
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";

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
  /** TRANSP: false for time the person has not committed (a star, a waitlist place): shown as free. Default busy. */
  busy?: boolean;
  /** SEQUENCE: the session's revision, which every organiser edit, move, publication and cancellation raises. */
  sequence: number;
  /** Last change of anything the event shows: LAST-MODIFIED and DTSTAMP. */
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

const STATUS: Record<IcsStatus, ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** A zone the generator knows gets a VTIMEZONE and TZID times; any other is written in UTC. */
export function hasVtimezone(timeZone: string): boolean {
  return getVtimezoneComponent(timeZone) !== null;
}

/** The whole calendar as a string, ready to serve as text/calendar; charset=utf-8. */
export function buildCalendar(cal: IcsCalendar): string {
  const zoned = hasVtimezone(cal.timeZone);
  const calendar = ical({
    prodId: { company: "Forum SPO", product: "Programme", language: "RU" },
    method: ICalCalendarMethod.PUBLISH,
    scale: "GREGORIAN",
    name: cal.name,
    description: cal.description ?? null,
    // No calendar-wide zone (with one, ical-generator writes DTSTAMP and LAST-MODIFIED as floating
    // local times, which RFC 5545 forbids): each event carries its zone, and the generator writes
    // one VTIMEZONE for every zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
    x: { "X-WR-TIMEZONE": cal.timeZone },
    ...(cal.refreshMinutes ? { ttl: cal.refreshMinutes * 60 } : {}),
  });
  // A TZDate's wall clock is the zone's, whatever the server's own zone is.
  const at = (d: Date): Date => (zoned ? new TZDate(d, cal.timeZone) : d);
  const events = [...cal.events].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.uid < b.uid ? -1 : 1),
  );
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: e.modifiedAt,
      lastModified: e.modifiedAt,
      start: at(e.startsAt),
      end: at(e.endsAt),
      timezone: zoned ? cal.timeZone : null,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location || null,
      url: e.url ?? null,
      status: STATUS[e.status],
      transparency: e.busy === false ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      categories: (e.categories ?? []).map((name) => ({ name })),
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one included; the library leaves it off.
  return `${calendar.toString()}\r\n`;
}
