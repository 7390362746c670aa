/**
 * Programme-editing rules that need no database: the conflict checks run on every save (and
 * live in the editor), whether warnings may pass, who an organiser may edit, what a change is,
 * and who goes to the waitlist when organisers lower a session's capacity. The services apply
 * them under row locks; these functions only decide.
 */
import { overlaps } from "~/server/booking/rules";
import { zonedTimeToUtc } from "~/server/programme/time";
import { dateFormat } from "~/server/i18n/translate";

export const DAY_MS = 86_400_000;

export type IssueCode =
  | "END_BEFORE_START"
  | "TOO_LONG"
  | "OUTSIDE_EDITION"
  | "ROOM_CLASH"
  | "PERSON_CLASH"
  | "CAPACITY_OVER_ROOM"
  | "CAPACITY_BELOW_BOOKED"
  | "EXCESS_TO_WAITLIST"
  | "ATTENDEE_CLASH";

/** Errors block saving; warnings pass only when the organiser explicitly acknowledges them. */
export type Severity = "error" | "warning";

/** The form field an issue belongs to (for messages next to it). */
export type IssueField = "time" | "roomId" | "people" | "capacity";

export type Issue = {
  code: IssueCode;
  severity: Severity;
  field: IssueField;
  /** What the message names: the other session, the person, numbers. */
  params: Record<string, string | number>;
  /** The other sessions involved (room or person clashes). */
  sessionId?: string;
};

export type Span = { startsAt: Date; endsAt: Date };

/** A session as it would be after the save. `id` is null for a new one. */
export type PlannedSession = Span & {
  id: string | null;
  roomId: string | null;
  capacity: number | null;
  /** Speakers and moderators (ids). */
  personIds: readonly string[];
};

/** Another session of the edition, of any track (checks always look across all tracks). */
export type OtherSession = Span & {
  id: string;
  title: string;
  roomId: string | null;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  personIds: readonly string[];
};

export type CheckContext = {
  edition: Span & { timeZone: string };
  room: { id: string; name: string; capacity: number } | null;
  others: readonly OtherSession[];
  /** Names of the people, for messages. */
  personNames: ReadonlyMap<string, string>;
  /** Confirmed seats of the session now (0 for a new one). */
  bookedCount: number;
  /** The organiser chose to move seats above the new capacity to the waitlist. */
  moveExcessToWaitlist: boolean;
  /** Booked people who would hold another seat at the new time (0 when the time does not change). */
  attendeeClashes: number;
};

const fmt = (d: Date, timeZone: string): string =>
  dateFormat({ day: "numeric", month: "long", timeZone }).format(d) +
  ", " +
  dateFormat({ hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(d);

const timeRange = (s: Span, timeZone: string): string => {
  const time = (d: Date) =>
    dateFormat({
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(d);
  return `${time(s.startsAt)}–${time(s.endsAt)}`;
};

/** End after start, at most a day long, inside the edition's days. */
export function timeIssues(span: Span, edition: Span & { timeZone: string }): Issue[] {
  const issues: Issue[] = [];
  const length = span.endsAt.getTime() - span.startsAt.getTime();
  if (length <= 0) issues.push({ code: "END_BEFORE_START", severity: "error", field: "time", params: {} });
  else if (length > DAY_MS) issues.push({ code: "TOO_LONG", severity: "error", field: "time", params: {} });
  if (span.startsAt < edition.startsAt || span.endsAt > edition.endsAt) {
    issues.push({
      code: "OUTSIDE_EDITION",
      severity: "error",
      field: "time",
      params: {
        from: fmt(edition.startsAt, edition.timeZone),
        to: fmt(new Date(edition.endsAt.getTime() - 60_000), edition.timeZone),
      },
    });
  }
  return issues;
}

const active = (o: OtherSession, self: string | null) => o.status !== "CANCELLED" && o.id !== self;

/** Another live session (draft or published) in the same room at an overlapping time. */
export function roomIssues(planned: PlannedSession, others: readonly OtherSession[], timeZone: string): Issue[] {
  if (!planned.roomId || planned.endsAt <= planned.startsAt) return [];
  return others
    .filter((o) => active(o, planned.id) && o.roomId === planned.roomId && overlaps(o, planned))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((o) => ({
      code: "ROOM_CLASH" as const,
      severity: "error" as const,
      field: "roomId" as const,
      params: { title: o.title, time: timeRange(o, timeZone) },
      sessionId: o.id,
    }));
}

/** A speaker or moderator who would be in two overlapping sessions. */
export function personIssues(
  planned: PlannedSession,
  others: readonly OtherSession[],
  names: ReadonlyMap<string, string>,
  timeZone: string,
): Issue[] {
  if (planned.endsAt <= planned.startsAt) return [];
  const issues: Issue[] = [];
  for (const personId of new Set(planned.personIds)) {
    for (const o of others) {
      if (!active(o, planned.id) || !o.personIds.includes(personId) || !overlaps(o, planned)) continue;
      issues.push({
        code: "PERSON_CLASH",
        severity: "error",
        field: "people",
        params: { name: names.get(personId) ?? personId, title: o.title, time: timeRange(o, timeZone) },
        sessionId: o.id,
      });
    }
  }
  return issues;
}

/**
 * More seats than the room holds is a warning. Fewer than the seats already confirmed is refused,
 * unless the organiser chose to move the excess to the waitlist, which is then a warning saying how
 * many people move.
 */
export function capacityIssues(input: {
  capacity: number | null;
  room: { capacity: number } | null;
  bookedCount: number;
  moveExcessToWaitlist: boolean;
}): Issue[] {
  const issues: Issue[] = [];
  const { capacity, room, bookedCount } = input;
  if (capacity !== null && room && capacity > room.capacity) {
    issues.push({
      code: "CAPACITY_OVER_ROOM",
      severity: "warning",
      field: "capacity",
      params: { capacity, room: room.capacity },
    });
  }
  if (capacity !== null && capacity < bookedCount) {
    const excess = bookedCount - capacity;
    issues.push(
      input.moveExcessToWaitlist
        ? { code: "EXCESS_TO_WAITLIST", severity: "warning", field: "capacity", params: { count: excess } }
        : { code: "CAPACITY_BELOW_BOOKED", severity: "error", field: "capacity", params: { booked: bookedCount } },
    );
  }
  return issues;
}

/** Every check for a session as it would be saved; errors first, then warnings. */
export function checkSession(planned: PlannedSession, ctx: CheckContext): Issue[] {
  const tz = ctx.edition.timeZone;
  const issues = [
    ...timeIssues(planned, ctx.edition),
    ...roomIssues(planned, ctx.others, tz),
    ...personIssues(planned, ctx.others, ctx.personNames, tz),
    ...capacityIssues({
      capacity: planned.capacity,
      room: ctx.room,
      bookedCount: ctx.bookedCount,
      moveExcessToWaitlist: ctx.moveExcessToWaitlist,
    }),
  ];
  if (ctx.attendeeClashes > 0) {
    issues.push({ code: "ATTENDEE_CLASH", severity: "warning", field: "time", params: { count: ctx.attendeeClashes } });
  }
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}

/** May the save go ahead? Errors never; warnings only when acknowledged. */
export function saveDecision(issues: readonly Issue[], acknowledgeWarnings: boolean): "ok" | "errors" | "warnings" {
  if (issues.some((i) => i.severity === "error")) return "errors";
  if (!acknowledgeWarnings && issues.some((i) => i.severity === "warning")) return "warnings";
  return "ok";
}

/** An organiser's tracks: "all", or the ids they are limited to. */
export type TrackScope = "all" | readonly string[];

/** Sessions without a track (plenaries, the August meeting) belong to unrestricted organisers. */
export function canEditTrack(scope: TrackScope, trackId: string | null): boolean {
  if (scope === "all") return true;
  return trackId !== null && scope.includes(trackId);
}

export type SeatHolder = { userId: string; createdAt: Date; id: string };

/**
 * Who loses a seat when the capacity drops below the confirmed seats: the last booked first
 * (they waited least). Returned in booking order, which is the order they re-enter the queue.
 */
export function excessHolders<T extends SeatHolder>(holders: readonly T[], capacity: number): T[] {
  const ordered = [...holders].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  return ordered.slice(Math.max(0, capacity));
}

/**
 * Queue numbers that put people at the FRONT of a waitlist, ahead of everyone already waiting, in
 * the given order: they had a confirmed seat and lost it through no fault of their own, so they get
 * the next freed seats before people who never had one.
 */
export function frontOfQueueSeqs(lowestSeq: number | null, count: number): number[] {
  const first = (lowestSeq ?? 1) - count;
  return Array.from({ length: count }, (_, i) => first + i);
}

export type Placement = Span & { roomId: string | null };

/** What kind of change people are told about: time (RESCHEDULED) before room (MOVED). */
export function placementChange(before: Placement, after: Placement): "RESCHEDULED" | "MOVED" | null {
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) {
    return "RESCHEDULED";
  }
  if (before.roomId !== after.roomId) return "MOVED";
  return null;
}

/** Fields whose change is listed in the public change log as UPDATED (time and room have their own kinds). */
export const LOGGED_FIELDS = [
  "title",
  "description",
  "format",
  "trackId",
  "capacity",
  "isClosed",
  "bookingRequired",
  "people",
] as const;
export type LoggedField = (typeof LOGGED_FIELDS)[number];

export function changedFields<T extends Record<LoggedField, unknown>>(before: T, after: T): LoggedField[] {
  return LOGGED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** Day, start and end as typed (Moscow wall clock) to UTC instants; an end before the start stays so. */
export function spanFromWallClock(
  input: { day: string; start: string; end: string; endDay?: string | undefined },
  timeZone: string,
): Span {
  return {
    startsAt: zonedTimeToUtc(input.day, input.start, timeZone),
    endsAt: zonedTimeToUtc(input.endDay ?? input.day, input.end, timeZone),
  };
}

/** A session moved to a new start keeps its length. */
export function shiftedSpan(span: Span, newStart: Date): Span {
  const length = span.endsAt.getTime() - span.startsAt.getTime();
  return { startsAt: newStart, endsAt: new Date(newStart.getTime() + length) };
}
