/**
 * The day timeline of /my: a day's items in time order with the free time between them, and the
 * clashes between seats told pair by pair with how long they overlap. Pure: no database.
 */
import { overlaps, type Interval, type TimedSession } from "~/server/booking/rules";

export type TimelineGap = { kind: "gap"; from: Date; to: Date; minutes: number };
export type TimelineEntry<T> = { kind: "item"; item: T } | TimelineGap;

const MINUTE = 60_000;

/** Whole minutes two intervals share (0 when they only touch or are apart). */
export function overlapMinutes(a: Interval, b: Interval): number {
  if (!overlaps(a, b)) return 0;
  const start = Math.max(a.startsAt.getTime(), b.startsAt.getTime());
  const end = Math.min(a.endsAt.getTime(), b.endsAt.getTime());
  return Math.round((end - start) / MINUTE);
}

/**
 * The day's items (already in time order) with a gap entry wherever nothing the person holds
 * runs: after the latest end so far and before the next start. Cancelled sessions take no time.
 */
export function dayTimeline<T>(items: readonly T[], interval: (item: T) => Interval | null): TimelineEntry<T>[] {
  const out: TimelineEntry<T>[] = [];
  let busyUntil: number | null = null;
  for (const item of items) {
    const at = interval(item);
    if (at && busyUntil !== null && at.startsAt.getTime() > busyUntil) {
      const minutes = Math.round((at.startsAt.getTime() - busyUntil) / MINUTE);
      if (minutes > 0) out.push({ kind: "gap", from: new Date(busyUntil), to: at.startsAt, minutes });
    }
    out.push({ kind: "item", item });
    if (at) busyUntil = Math.max(busyUntil ?? 0, at.endsAt.getTime());
  }
  return out;
}

export type ClashPair<T extends TimedSession> = { a: T; b: T; minutes: number };

/** Every pair of overlapping sessions once, the earlier first, with the minutes they share. */
export function clashPairs<T extends TimedSession>(sessions: readonly T[]): ClashPair<T>[] {
  const sorted = [...sessions].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || (x.id < y.id ? -1 : 1));
  const pairs: ClashPair<T>[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (b.startsAt.getTime() >= a.endsAt.getTime()) break;
      const minutes = overlapMinutes(a, b);
      if (a.id !== b.id && minutes > 0) pairs.push({ a, b, minutes });
    }
  }
  return pairs;
}
