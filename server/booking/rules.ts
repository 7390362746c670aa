/**
 * Booking rules that need no database: time clashes, the booking window, whether a session
 * can be booked, seats left, same-slot alternatives. Who on a waitlist gets a freed seat is
 * decided in the promotion statement itself (server/booking/seats.ts `promoteLocked`).
 * The service applies them under row locks; these functions only decide.
 */

export type Interval = { startsAt: Date; endsAt: Date };
export type TimedSession = Interval & { id: string };

/** Half-open intervals [start, end): a session ending at 12:00 does not clash with one starting at 12:00. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The held sessions that overlap the target (the target itself never clashes with itself), in time order. */
export function findClashes<T extends TimedSession>(target: TimedSession, held: readonly T[]): T[] {
  return held
    .filter((h) => h.id !== target.id && overlaps(h, target))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Ids of the items that overlap at least one other item of the list (for highlighting a schedule). */
export function clashingIds(items: readonly TimedSession[]): Map<string, string[]> {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const out = new Map<string, string[]>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.startsAt.getTime() >= a.endsAt.getTime()) break;
      if (a.id === b.id || !overlaps(a, b)) continue;
      out.set(a.id, [...(out.get(a.id) ?? []), b.id]);
      out.set(b.id, [...(out.get(b.id) ?? []), a.id]);
    }
  }
  return out;
}

export type WindowState =
  | { state: "open"; closesAt: Date | null }
  | { state: "notOpenYet"; opensAt: Date }
  | { state: "closed"; closedAt: Date };

/** The edition's booking window at an instant; a null bound means "no limit on that side". */
export function bookingWindowState(
  now: Date,
  window: { bookingOpensAt: Date | null; bookingClosesAt: Date | null },
): WindowState {
  if (window.bookingOpensAt && now.getTime() < window.bookingOpensAt.getTime()) {
    return { state: "notOpenYet", opensAt: window.bookingOpensAt };
  }
  if (window.bookingClosesAt && now.getTime() >= window.bookingClosesAt.getTime()) {
    return { state: "closed", closedAt: window.bookingClosesAt };
  }
  return { state: "open", closesAt: window.bookingClosesAt };
}

export type BookableSession = {
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  isClosed: boolean;
  bookingRequired: boolean;
};

/**
 * Why a session cannot take bookings now, or "ok". Order matters: the most permanent reason first.
 * When booking stops is the edition's window (organisers close it before the forum), not the
 * session's start: the demo programme lies in the past and must stay bookable.
 */
export type Refusal = "draft" | "cancelled" | "closed" | "freeEntry" | "notOpenYet" | "windowClosed";

export function bookingRefusal(session: BookableSession, window: WindowState): Refusal | "ok" {
  if (session.status === "DRAFT") return "draft";
  if (session.status === "CANCELLED") return "cancelled";
  if (session.isClosed) return "closed";
  if (!session.bookingRequired) return "freeEntry";
  if (window.state === "notOpenYet") return "notOpenYet";
  if (window.state === "closed") return "windowClosed";
  return "ok";
}

/** Seats still free; null when the session has no seat limit. Never negative. */
export function seatsLeft(session: { capacity: number | null; bookedCount: number }): number | null {
  if (session.capacity === null) return null;
  return Math.max(0, session.capacity - session.bookedCount);
}

/** 1-based place of an entry in its session's queue, from the seqs ahead of it. */
export function waitlistPosition(seq: number, seqsInQueue: readonly number[]): number {
  return seqsInQueue.filter((s) => s <= seq).length;
}

export type AlternativeCandidate = TimedSession &
  BookableSession & { capacity: number | null; bookedCount: number; title: string };

/**
 * Sessions that overlap the full one in time and can be booked right now with a free seat,
 * leaving out those that clash with the person's other seats (the seat they would give up for
 * the target is not counted). Most free seats first, then by start.
 */
export function sameSlotAlternatives<T extends AlternativeCandidate>(input: {
  target: TimedSession;
  candidates: readonly T[];
  held: readonly TimedSession[];
  window: WindowState;
}): T[] {
  const { target, candidates, held, window } = input;
  return candidates
    .filter((c) => c.id !== target.id && overlaps(c, target))
    .filter((c) => bookingRefusal(c, window) === "ok")
    .filter((c) => {
      const left = seatsLeft(c);
      return left === null || left > 0;
    })
    .filter(
      (c) =>
        findClashes(
          c,
          held.filter((h) => h.id !== target.id),
        ).length === 0,
    )
    .sort((a, b) => {
      const la = seatsLeft(a) ?? Number.MAX_SAFE_INTEGER;
      const lb = seatsLeft(b) ?? Number.MAX_SAFE_INTEGER;
      return lb - la || a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, "ru");
    });
}

/** A calendar feed secret: 32 random bytes, base64url (43 characters). */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function isCalendarToken(value: string): boolean {
  return CALENDAR_TOKEN.test(value);
}

/** A session as the swap page judges it: its time, whether it is on, whether the person holds a seat. */
export type SeatPairSession = TimedSession & { status: "DRAFT" | "PUBLISHED" | "CANCELLED"; booked: boolean };

/**
 * Two sessions named by a clash mail, as they stand: both the person's seats and overlapping
 * ("clash", one may be given up), both seats but no longer at once ("noClash": moved again or
 * cancelled), or not both theirs ("notYours": one was given up already, or never held).
 */
export function seatPairState(a: SeatPairSession, b: SeatPairSession): "clash" | "noClash" | "notYours" {
  if (!a.booked || !b.booked) return "notYours";
  if (a.status !== "PUBLISHED" || b.status !== "PUBLISHED" || !overlaps(a, b)) return "noClash";
  return "clash";
}

/** The swap page of two clashing seats: `/my/clash/<a>/<b>` (the clash mail's link, /my's clash lines). */
export const clashPath = (a: string, b: string): string =>
  `/my/clash/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
