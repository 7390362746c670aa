/**
 * Booking reads: seat counts and the person's own state for a page of sessions, same-slot
 * alternatives for a full session, and the personal schedule. Reads only: no locks.
 */
import type { SessionUser } from "~/server/auth/roles";
import {
  bookingRefusal,
  bookingWindowState,
  clashingIds,
  sameSlotAlternatives,
  seatsLeft,
  waitlistPosition,
  type Refusal,
  type WindowState,
} from "~/server/booking/rules";
import type { SessionInput, StatusInput } from "~/server/booking/schema";
import { clashPairs } from "~/server/booking/timeline";
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { zonedDayKey } from "~/server/programme/time";
import { findCurrentEdition } from "~/server/edition/current";
import { apiErrorsT } from "~/server/i18n/server-messages";

const VISIBLE = ["PUBLISHED", "CANCELLED"] as const;

/** Who is looking: decides which controls the page offers. */
export type Viewer = "guest" | "unregistered" | "pending" | "participant";

export type SessionBookingState = {
  capacity: number | null;
  bookedCount: number;
  seatsLeft: number | null;
  waitlistCount: number;
  refusal: Refusal | "ok";
  booked: boolean;
  /** 1-based place in the queue, or null when not waiting. */
  waitlistPosition: number | null;
  starred: boolean;
};

export type BookingStatus = {
  viewer: Viewer;
  window: WindowState;
  timeZone: string;
  sessions: Record<string, SessionBookingState>;
};

const editionWindowSelect = {
  id: true,
  timeZone: true,
  bookingOpensAt: true,
  bookingClosesAt: true,
} satisfies Prisma.EditionSelect;

async function currentEdition(db: Db) {
  return findCurrentEdition(db, editionWindowSelect);
}

async function viewerOf(db: Db, actor: SessionUser | null, editionId: string): Promise<Viewer> {
  if (!actor) return "guest";
  const reg = await db.registration.findUnique({
    where: { editionId_userId: { editionId, userId: actor.id } },
    select: { status: true },
  });
  if (!reg || reg.status === "CANCELLED") return "unregistered";
  return reg.status === "CONFIRMED" ? "participant" : "pending";
}

/** Positions of the person's waitlist entries, per session. */
async function positionsOf(db: Db, userId: string, sessionIds?: readonly string[]): Promise<Map<string, number>> {
  const mine = await db.waitlistEntry.findMany({
    where: { userId, ...(sessionIds ? { sessionId: { in: [...sessionIds] } } : {}) },
    select: { sessionId: true, seq: true },
  });
  if (mine.length === 0) return new Map();
  const ahead = await db.waitlistEntry.findMany({
    where: { OR: mine.map((m) => ({ sessionId: m.sessionId, seq: { lte: m.seq } })) },
    select: { sessionId: true, seq: true },
  });
  return new Map(
    mine.map((m) => [
      m.sessionId,
      waitlistPosition(
        m.seq,
        ahead.filter((a) => a.sessionId === m.sessionId).map((a) => a.seq),
      ),
    ]),
  );
}

/** Seats, queue lengths and the viewer's own bookings, waitlist places and stars for some sessions. */
export async function getBookingStatus({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: SessionUser | null;
  input: StatusInput;
}): Promise<BookingStatus> {
  const ids = [...new Set(input.sessionIds)];
  // The edition of the sessions asked about (a page shows one edition); the current one otherwise.
  const first = ids.length
    ? await db.programmeSession.findFirst({ where: { id: { in: ids } }, select: { editionId: true } })
    : null;
  const edition = first
    ? await db.edition.findUniqueOrThrow({ where: { id: first.editionId }, select: editionWindowSelect })
    : await currentEdition(db);
  const window = bookingWindowState(new Date(), edition);
  const [viewer, sessions, mine] = await Promise.all([
    viewerOf(db, actor, edition.id),
    db.programmeSession.findMany({
      where: { id: { in: ids }, status: { in: [...VISIBLE] } },
      select: {
        id: true,
        capacity: true,
        bookedCount: true,
        status: true,
        isClosed: true,
        bookingRequired: true,
        _count: { select: { waitlist: true } },
      },
    }),
    actor
      ? Promise.all([
          db.booking.findMany({ where: { userId: actor.id, sessionId: { in: ids } }, select: { sessionId: true } }),
          db.favourite.findMany({ where: { userId: actor.id, sessionId: { in: ids } }, select: { sessionId: true } }),
          positionsOf(db, actor.id, ids),
        ])
      : null,
  ]);
  const booked = new Set(mine?.[0].map((b) => b.sessionId));
  const starred = new Set(mine?.[1].map((f) => f.sessionId));
  const positions = mine?.[2] ?? new Map<string, number>();
  const out: Record<string, SessionBookingState> = {};
  for (const s of sessions) {
    out[s.id] = {
      capacity: s.capacity,
      bookedCount: s.bookedCount,
      seatsLeft: seatsLeft(s),
      waitlistCount: s._count.waitlist,
      refusal: bookingRefusal(s, window),
      booked: booked.has(s.id),
      waitlistPosition: positions.get(s.id) ?? null,
      starred: starred.has(s.id),
    };
  }
  return { viewer, window, timeZone: edition.timeZone, sessions: out };
}

const slotSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  status: true,
  isClosed: true,
  bookingRequired: true,
  capacity: true,
  bookedCount: true,
  room: { select: { name: true } },
  track: { select: { title: true, color: true } },
} satisfies Prisma.ProgrammeSessionSelect;

/** Sessions overlapping a (full) session's time that still have seats and fit the viewer's other seats. */
export async function getAlternatives({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: SessionUser | null;
  input: SessionInput;
}) {
  const target = await db.programmeSession.findFirst({
    where: { id: input.sessionId, status: { in: [...VISIBLE] } },
    select: { id: true, editionId: true, startsAt: true, endsAt: true, isClosed: true },
  });
  if (!target) throw notFound(apiErrorsT("noSuchSession"));
  // A closed session (the August meeting) is not booked, so it has no alternatives — and the
  // sessions overlapping it would tell its hours.
  if (target.isClosed) return [];
  const edition = await db.edition.findUniqueOrThrow({
    where: { id: target.editionId },
    select: { bookingOpensAt: true, bookingClosesAt: true },
  });
  const [candidates, held] = await Promise.all([
    db.programmeSession.findMany({
      where: {
        editionId: target.editionId,
        status: "PUBLISHED",
        isClosed: false,
        id: { not: target.id },
        startsAt: { lt: target.endsAt },
        endsAt: { gt: target.startsAt },
      },
      select: slotSelect,
    }),
    actor
      ? db.booking.findMany({
          where: { userId: actor.id, session: { status: "PUBLISHED" } },
          select: { session: { select: { id: true, startsAt: true, endsAt: true } } },
        })
      : [],
  ]);
  const list = sameSlotAlternatives({
    target,
    candidates,
    held: held.map((h) => h.session),
    window: bookingWindowState(new Date(), edition),
  });
  return list.slice(0, 8).map((s) => ({
    id: s.id,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    seatsLeft: seatsLeft(s),
    room: s.room?.name ?? null,
    track: s.track,
  }));
}

const scheduleSelect = {
  ...slotSelect,
  format: true,
  updatedAt: true,
  description: true,
  room: { select: { name: true, floor: true } },
  track: { select: { code: true, title: true, color: true } },
} satisfies Prisma.ProgrammeSessionSelect;

export type ScheduleSession = Prisma.ProgrammeSessionGetPayload<{ select: typeof scheduleSelect }>;

export type ScheduleItem = {
  session: ScheduleSession;
  booked: boolean;
  bookedAt: Date | null;
  waitlistPosition: number | null;
  waitlistedAt: Date | null;
  starred: boolean;
  starredAt: Date | null;
  /** For a seat, the other seats overlapping it (a star or a queue place never clashes; cancelled sessions neither). */
  clashesWith: { id: string; title: string }[];
};

/** Two seats at once: the earlier first, the time they share and how long. */
export type ScheduleClash = {
  a: { id: string; title: string };
  b: { id: string; title: string };
  from: Date;
  to: Date;
  minutes: number;
};

export type Schedule = {
  timeZone: string;
  days: { day: string; items: ScheduleItem[]; clashes: ScheduleClash[] }[];
  total: number;
  /** Pairs of seats at once over the whole forum (a star or a queue place never counts). */
  clashCount: number;
};

/** The person's schedule for the current edition: seats, waitlist places and stars, by day in time order. */
export async function getMySchedule({ db, userId }: { db: Db; userId: string }): Promise<Schedule> {
  const edition = await currentEdition(db);
  const inEdition = { editionId: edition.id, status: { in: [...VISIBLE] } };
  const [bookings, waits, stars, positions] = await Promise.all([
    db.booking.findMany({
      where: { userId, session: inEdition },
      select: { createdAt: true, session: { select: scheduleSelect } },
    }),
    db.waitlistEntry.findMany({
      where: { userId, session: inEdition },
      select: { createdAt: true, session: { select: scheduleSelect } },
    }),
    db.favourite.findMany({
      where: { userId, session: inEdition },
      select: { createdAt: true, session: { select: scheduleSelect } },
    }),
    positionsOf(db, userId),
  ]);
  const items = new Map<string, ScheduleItem>();
  const item = (session: ScheduleSession): ScheduleItem => {
    let it = items.get(session.id);
    if (!it) {
      it = {
        session,
        booked: false,
        bookedAt: null,
        waitlistPosition: null,
        waitlistedAt: null,
        starred: false,
        starredAt: null,
        clashesWith: [],
      };
      items.set(session.id, it);
    }
    return it;
  };
  for (const b of bookings) Object.assign(item(b.session), { booked: true, bookedAt: b.createdAt });
  for (const w of waits) {
    Object.assign(item(w.session), {
      waitlistPosition: positions.get(w.session.id) ?? null,
      waitlistedAt: w.createdAt,
    });
  }
  for (const f of stars) Object.assign(item(f.session), { starred: true, starredAt: f.createdAt });

  const all = [...items.values()];
  // A clash is two seats at once; a star or a queue place beside a seat is a choice still open.
  const seats = all.filter((i) => i.booked && i.session.status === "PUBLISHED").map((i) => i.session);
  const clashes = clashingIds(seats);
  for (const it of all) {
    it.clashesWith = (clashes.get(it.session.id) ?? []).map((id) => ({ id, title: items.get(id)!.session.title }));
  }
  all.sort(
    (a, b) =>
      a.session.startsAt.getTime() - b.session.startsAt.getTime() ||
      a.session.endsAt.getTime() - b.session.endsAt.getTime() ||
      a.session.title.localeCompare(b.session.title, "ru"),
  );
  const days: Schedule["days"] = [];
  for (const it of all) {
    const day = zonedDayKey(it.session.startsAt, edition.timeZone);
    const last = days.at(-1);
    if (last && last.day === day) last.items.push(it);
    else days.push({ day, items: [it], clashes: [] });
  }
  const pairs = clashPairs(seats);
  for (const { a, b, minutes } of pairs) {
    const day = days.find((d) => d.day === zonedDayKey(b.startsAt, edition.timeZone));
    day?.clashes.push({
      a: { id: a.id, title: a.title },
      b: { id: b.id, title: b.title },
      from: new Date(Math.max(a.startsAt.getTime(), b.startsAt.getTime())),
      to: new Date(Math.min(a.endsAt.getTime(), b.endsAt.getTime())),
      minutes,
    });
  }
  return { timeZone: edition.timeZone, days, total: all.length, clashCount: pairs.length };
}
