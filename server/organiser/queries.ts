/**
 * Reads of the organiser console: the workspace (edition, tracks, rooms, own scope), the
 * timetable of a day, the list of sessions, one session for the editor, attendee lists.
 * Drafts included: organisers see everything; what they may change is marked per session.
 */
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { currentEdition, findEditable, moderatorIdsOf, speakerIdsOf, trackScope } from "~/server/organiser/context";
import { errorsT } from "~/server/organiser/messages";
import { canEditTrack } from "~/server/organiser/rules";
import type { SessionListInput, TimetableInput } from "~/server/organiser/schema";
import { searchTerms } from "~/server/programme/rules";
import { editionDayKeys, formatZonedTime, zonedDayKey, zonedDayRange } from "~/server/programme/time";
import { findCurrentEdition } from "~/server/edition/current";

type Args<I> = { db: Db; actor: SessionUser; input: I };

export async function getWorkspace({ db, actor }: { db: Db; actor: SessionUser }) {
  const edition = await findCurrentEdition(db, {
    id: true,
    name: true,
    startsAt: true,
    endsAt: true,
    timeZone: true,
    tracks: {
      select: { id: true, code: true, title: true, color: true },
      orderBy: [{ order: "asc" }, { code: "asc" }],
    },
    rooms: {
      select: { id: true, name: true, capacity: true, floor: true },
      orderBy: [{ capacity: "desc" }, { name: "asc" }],
    },
  });
  const scope = await trackScope(db, actor);
  return { ...edition, days: editionDayKeys(edition.startsAt, edition.endsAt, edition.timeZone), scope };
}

const blockSelect = {
  id: true,
  title: true,
  status: true,
  format: true,
  startsAt: true,
  endsAt: true,
  roomId: true,
  trackId: true,
  capacity: true,
  bookedCount: true,
  isClosed: true,
  track: { select: { code: true, title: true, color: true } },
  speakers: {
    select: { role: true, speaker: { select: { fullName: true } } },
    orderBy: [{ role: "asc" }, { order: "asc" }],
  },
} satisfies Prisma.ProgrammeSessionSelect;

/** Every session of one day (drafts and cancelled too), with whether this organiser may change it. */
export async function getTimetable({ db, actor, input }: Args<TimetableInput>) {
  const edition = await currentEdition(db);
  const days = editionDayKeys(edition.startsAt, edition.endsAt, edition.timeZone);
  const day =
    input.day && days.includes(input.day) ? input.day : (days[0] ?? zonedDayKey(edition.startsAt, edition.timeZone));
  const { from, to } = zonedDayRange(day, edition.timeZone);
  const [sessions, scope] = await Promise.all([
    db.programmeSession.findMany({
      where: { editionId: edition.id, startsAt: { gte: from, lt: to } },
      select: blockSelect,
      orderBy: [{ startsAt: "asc" }, { title: "asc" }],
    }),
    trackScope(db, actor),
  ]);
  return {
    day,
    timeZone: edition.timeZone,
    sessions: sessions.map((s) => ({ ...s, canEdit: canEditTrack(scope, s.trackId) })),
  };
}

const PAGE_SIZE = 30;

export async function listSessionsAdmin({ db, actor, input }: Args<SessionListInput>) {
  const edition = await currentEdition(db);
  const where: Prisma.ProgrammeSessionWhereInput = { editionId: edition.id };
  if (input.status) where.status = input.status;
  if (input.trackId) where.trackId = input.trackId;
  if (input.day) {
    const { from, to } = zonedDayRange(input.day, edition.timeZone);
    where.startsAt = { gte: from, lt: to };
  }
  const terms = searchTerms(input.q ?? "");
  if (terms.length > 0) where.AND = terms.map((t) => ({ searchText: { contains: t } }));
  const [total, rows, scope] = await Promise.all([
    db.programmeSession.count({ where }),
    db.programmeSession.findMany({
      where,
      select: {
        ...blockSelect,
        room: { select: { name: true } },
        _count: { select: { waitlist: true } },
      },
      orderBy: [{ startsAt: "asc" }, { title: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    trackScope(db, actor),
  ]);
  return {
    items: rows.map((s) => ({ ...s, canEdit: canEditTrack(scope, s.trackId) })),
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    timeZone: edition.timeZone,
  };
}

/** One session for the editor: its values as the form shows them (Moscow wall clock) and its audience. */
export async function getSessionForEdit({ db, actor, input }: Args<{ id: string }>) {
  const s = await findEditable(db, input.id);
  const tz = s.edition.timeZone;
  const [counts, scope] = await Promise.all([
    db.programmeSession.findUnique({
      where: { id: s.id },
      select: { _count: { select: { waitlist: true, favourites: true, bookings: true } } },
    }),
    trackScope(db, actor),
  ]);
  const day = zonedDayKey(s.startsAt, tz);
  const endDay = zonedDayKey(s.endsAt, tz);
  return {
    id: s.id,
    status: s.status,
    title: s.title,
    timeZone: tz,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    room: s.room,
    track: s.track,
    bookedCount: s.bookedCount,
    waitlistCount: counts?._count.waitlist ?? 0,
    starredCount: counts?._count.favourites ?? 0,
    canEdit: canEditTrack(scope, s.trackId),
    values: {
      title: s.title,
      description: s.description,
      trackId: s.trackId,
      format: s.format,
      day,
      start: formatZonedTime(s.startsAt, tz),
      end: formatZonedTime(s.endsAt, tz),
      endDay: endDay === day ? undefined : endDay,
      roomId: s.roomId,
      capacity: s.capacity,
      isClosed: s.isClosed,
      bookingRequired: s.bookingRequired,
      moderatorIds: moderatorIdsOf(s),
      speakerIds: speakerIdsOf(s),
    },
  };
}

/** Who holds a seat and who waits, in order: personal data, for organisers only. */
/** Who holds a seat or waits (personal data): a track editor sees only their tracks' sessions. */
export async function getAttendees({ db, actor, input }: { db: Db; actor: SessionUser; input: { sessionId: string } }) {
  const session = await db.programmeSession.findUnique({
    where: { id: input.sessionId },
    select: {
      id: true,
      trackId: true,
      title: true,
      editionId: true,
      startsAt: true,
      endsAt: true,
      capacity: true,
      bookedCount: true,
      room: { select: { name: true } },
      edition: { select: { timeZone: true } },
    },
  });
  if (!session) throw new AppError("NOT_FOUND", errorsT("sessionNotFound"));
  if (!canEditTrack(await trackScope(db, actor), session.trackId)) {
    throw new AppError("FORBIDDEN", errorsT("forbiddenAttendees"));
  }
  const person = {
    user: { select: { email: true, id: true } },
    createdAt: true,
  } as const;
  const [bookings, waitlist] = await Promise.all([
    db.booking.findMany({
      where: { sessionId: session.id },
      select: person,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.waitlistEntry.findMany({ where: { sessionId: session.id }, select: person, orderBy: { seq: "asc" } }),
  ]);
  const userIds = [...bookings, ...waitlist].map((r) => r.user.id);
  const registrations = await db.registration.findMany({
    where: { editionId: session.editionId, userId: { in: userIds } },
    select: {
      userId: true,
      surname: true,
      firstName: true,
      patronymic: true,
      phone: true,
      organisation: true,
      position: true,
      category: true,
      anonymisedAt: true,
      region: { select: { name: true } },
    },
  });
  const byUser = new Map(registrations.map((r) => [r.userId, r]));
  const row = (r: (typeof bookings)[number], status: "booked" | "waitlisted", position: number | null) => {
    const reg = byUser.get(r.user.id);
    const visible = reg && !reg.anonymisedAt ? reg : null;
    return {
      status,
      position,
      email: r.user.email,
      fullName: visible ? [visible.surname, visible.firstName, visible.patronymic].filter(Boolean).join(" ") : "",
      phone: visible?.phone ?? "",
      organisation: visible?.organisation ?? "",
      jobTitle: visible?.position ?? "",
      region: visible?.region?.name ?? "",
      category: visible?.category ?? null,
      since: r.createdAt,
    };
  };
  return {
    session,
    people: [...bookings.map((b) => row(b, "booked", null)), ...waitlist.map((w, i) => row(w, "waitlisted", i + 1))],
  };
}
