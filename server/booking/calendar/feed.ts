/**
 * Calendar exports: the public programme (whole or one track), the personal schedule as a
 * download, and the personal subscription feed behind a secret token (User.calendarToken).
 */
import { randomBytes } from "node:crypto";
import type { SessionUser } from "~/server/auth/roles";
import { buildCalendar, type IcsEvent, type IcsStatus } from "~/server/booking/calendar/ics";
import { getMySchedule, type ScheduleItem } from "~/server/booking/queries";
import { isCalendarToken } from "~/server/booking/rules";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import type { Prisma } from "~/server/generated/prisma/client";
import { inLocaleOf, serverTranslator } from "~/server/i18n/translate";
import { findCurrentEditionOrNull } from "~/server/edition/current";
import { seesMeetingDetails } from "~/server/meeting/visibility";

/** Calendar text speaks the requester's language (the feed's owner's, for the subscription feed). */
const t = serverTranslator("booking");
const programmeT = serverTranslator("programme");

const appUrl = (): string => env.APP_URL.replace(/\/$/, "");

const eventSelect = {
  id: true,
  title: true,
  description: true,
  format: true,
  status: true,
  isClosed: true,
  startsAt: true,
  endsAt: true,
  updatedAt: true,
  revision: true,
  room: { select: { name: true, floor: true } },
  track: { select: { title: true } },
  speakers: {
    select: { role: true, speaker: { select: { fullName: true } } },
    orderBy: [{ role: "asc" }, { order: "asc" }],
  },
  edition: { select: { venue: true, meetingSessionId: true } },
} satisfies Prisma.ProgrammeSessionSelect;

type EventSession = Prisma.ProgrammeSessionGetPayload<{ select: typeof eventSelect }>;

function toEvent(
  s: EventSession,
  extra: { note?: string; status?: IcsStatus; busy?: boolean; modifiedAt?: Date; seesMeeting?: boolean } = {},
): IcsEvent {
  const cancelled = s.status === "CANCELLED";
  const people = (role: "MODERATOR" | "SPEAKER", key: "bookingMail.moderators" | "bookingMail.speakers") => {
    const list = s.speakers.filter((p) => p.role === role).map((p) => p.speaker.fullName);
    return list.length ? t(key, { count: list.length, names: list.join(", ") }) : undefined;
  };
  const url = `${appUrl()}/sessions/${s.id}`;
  const description = [
    extra.note,
    [programmeT(`formats.${s.format}`), s.track?.title].filter(Boolean).join(" · "),
    s.isClosed ? t("bookingMail.closedNote") : undefined,
    people("MODERATOR", "bookingMail.moderators"),
    people("SPEAKER", "bookingMail.speakers"),
    s.description || undefined,
    url,
  ].filter((p): p is string => Boolean(p));
  return {
    uid: `${s.id}@forum-spo`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    summary: cancelled ? t("bookingMail.cancelledEvent", { title: s.title }) : s.title,
    description: description.join("\n\n"),
    // The closed August meeting's room is for accredited delegates only.
    location: (s.edition.meetingSessionId === s.id && !extra.seesMeeting
      ? [s.edition.venue]
      : [s.room?.name, s.room?.floor, s.edition.venue]
    )
      .filter(Boolean)
      .join(", "),
    url,
    status: cancelled ? "CANCELLED" : (extra.status ?? "CONFIRMED"),
    busy: !cancelled && extra.busy !== false,
    sequence: s.revision,
    modifiedAt: extra.modifiedAt && extra.modifiedAt > s.updatedAt ? extra.modifiedAt : s.updatedAt,
    categories: s.track ? [s.track.title] : undefined,
  };
}

/** The published programme (cancelled sessions included, marked so), whole or one track; null for an unknown track. */
export async function programmeCalendar({ db, trackCode }: { db: Db; trackCode?: string | null }) {
  const edition = await findCurrentEditionOrNull(db, {
    id: true,
    timeZone: true,
    meetingSessionId: true,
    tracks: { select: { code: true, title: true } },
  });
  if (!edition) return null;
  const track = trackCode ? edition.tracks.find((tr) => tr.code === trackCode) : undefined;
  if (trackCode && !track) return null;
  const sessions = await db.programmeSession.findMany({
    where: {
      editionId: edition.id,
      status: { in: ["PUBLISHED", "CANCELLED"] },
      // The closed August meeting's hours are for accredited delegates only.
      ...(edition.meetingSessionId ? { id: { not: edition.meetingSessionId } } : {}),
      ...(track ? { track: { code: track.code } } : {}),
    },
    select: eventSelect,
    orderBy: { startsAt: "asc" },
  });
  return buildCalendar({
    name: track ? t("bookingMail.calTrackName", { track: track.title }) : t("bookingMail.calProgrammeName"),
    description: t("bookingMail.calProgrammeDescription"),
    timeZone: edition.timeZone,
    events: sessions.map((s) => toEvent(s)),
    refreshMinutes: 360,
  });
}

/** A seat is busy and confirmed; a waitlist place or a star is tentative and free time. */
function personalExtras(it: ScheduleItem): { note: string; status: IcsStatus; busy: boolean; modifiedAt: Date } {
  const times = [it.bookedAt, it.waitlistedAt, it.starredAt].filter((d): d is Date => d !== null);
  const modifiedAt = new Date(Math.max(...times.map((d) => d.getTime())));
  if (it.booked) return { note: t("my.bookedNote"), status: "CONFIRMED", busy: true, modifiedAt };
  if (it.waitlistPosition !== null) {
    const note = t("my.waitlistNote", { position: it.waitlistPosition });
    return { note, status: "TENTATIVE", busy: false, modifiedAt };
  }
  return { note: t("my.starredNote"), status: "TENTATIVE", busy: false, modifiedAt };
}

/**
 * A person's schedule (seats, waitlist places as tentative, stars) as an iCalendar file; for an
 * accredited delegate (or an organiser) the closed August meeting too, with its hours and room.
 */
export async function personalCalendar({ db, userId }: { db: Db; userId: string }): Promise<string> {
  const [schedule, user, edition] = await Promise.all([
    getMySchedule({ db, userId }),
    db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, calendarStars: true } }),
    findCurrentEditionOrNull(db, { id: true, meetingSessionId: true }),
  ]);
  // A star alone is a choice still open: as free, tentative time, or not at all, as the person chose.
  const items = schedule.days
    .flatMap((d) => d.items)
    .filter((i) => user?.calendarStars !== false || i.booked || i.waitlistPosition !== null);
  const meetingId =
    edition?.meetingSessionId && (await seesMeetingDetails({ db, actor: user, editionId: edition.id }))
      ? edition.meetingSessionId
      : null;
  const sessions = await db.programmeSession.findMany({
    where: { id: { in: [...items.map((i) => i.session.id), ...(meetingId ? [meetingId] : [])] } },
    select: eventSelect,
  });
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const meeting = meetingId ? byId.get(meetingId) : undefined;
  const listed = new Set(items.map((i) => i.session.id));
  return buildCalendar({
    name: t("my.calName"),
    description: t("my.calDescription"),
    timeZone: schedule.timeZone,
    events: [
      ...items.flatMap((it) => {
        const s = byId.get(it.session.id);
        return s ? [toEvent(s, { ...personalExtras(it), seesMeeting: s.id === meetingId })] : [];
      }),
      ...(meeting && meeting.status !== "DRAFT" && !listed.has(meeting.id)
        ? [toEvent(meeting, { note: t("my.delegateNote"), seesMeeting: true })]
        : []),
    ],
    refreshMinutes: 60,
  });
}

/** The feed behind a token, or null (unknown, revoked or malformed token → 404). */
export async function calendarByToken({ db, token }: { db: Db; token: string }): Promise<string | null> {
  if (!isCalendarToken(token)) return null;
  const user = await db.user.findUnique({ where: { calendarToken: token }, select: { id: true, locale: true } });
  // A calendar app fetches the feed with no cookies: it is written in its owner's language.
  return user ? inLocaleOf(user.locale, () => personalCalendar({ db, userId: user.id })) : null;
}

export type CalendarFeed = { url: string | null; stars: boolean };

const feedUrl = (token: string | null): string | null => (token ? `${appUrl()}/api/calendar/${token}.ics` : null);

export async function getCalendarFeed({ db, actor }: { db: Db; actor: SessionUser }): Promise<CalendarFeed> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { calendarToken: true, calendarStars: true },
  });
  return { url: feedUrl(user?.calendarToken ?? null), stars: user?.calendarStars ?? true };
}

/** Creates the feed secret, or replaces it (the old URL stops working at once). */
export async function rotateCalendarFeed({ db, actor }: { db: Db; actor: SessionUser }): Promise<CalendarFeed> {
  const token = randomBytes(32).toString("base64url");
  const user = await db.user.update({
    where: { id: actor.id },
    data: { calendarToken: token },
    select: { calendarStars: true },
  });
  return { url: feedUrl(token), stars: user.calendarStars };
}

export async function revokeCalendarFeed({ db, actor }: { db: Db; actor: SessionUser }): Promise<CalendarFeed> {
  const user = await db.user.update({
    where: { id: actor.id },
    data: { calendarToken: null },
    select: { calendarStars: true },
  });
  return { url: null, stars: user.calendarStars };
}

/** Starred sessions in the personal calendar (download and feed) as free, tentative time, or left out. */
export async function setCalendarStars({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: SessionUser;
  input: { stars: boolean };
}): Promise<CalendarFeed> {
  const user = await db.user.update({
    where: { id: actor.id },
    data: { calendarStars: input.stars },
    select: { calendarToken: true, calendarStars: true },
  });
  return { url: feedUrl(user.calendarToken), stars: user.calendarStars };
}

/**
 * One published (or cancelled) session as an iCalendar file, for «Add to calendar» on its page.
 * The closed August meeting: only for those who may see its hours and room (null, so 404, for
 * everyone else: its page shows no link, and a file with the day's bounds would be a false time).
 */
export async function sessionCalendar({
  db,
  sessionId,
  actor,
}: {
  db: Db;
  sessionId: string;
  actor: Pick<SessionUser, "id" | "role"> | null;
}): Promise<string | null> {
  const s = await db.programmeSession.findFirst({
    where: { id: sessionId, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: {
      ...eventSelect,
      editionId: true,
      edition: { select: { venue: true, meetingSessionId: true, timeZone: true } },
    },
  });
  if (!s) return null;
  const isMeeting = s.edition.meetingSessionId === s.id;
  const seesMeeting = isMeeting && (await seesMeetingDetails({ db, actor, editionId: s.editionId }));
  if (isMeeting && !seesMeeting) return null;
  return buildCalendar({
    name: s.title,
    timeZone: s.edition.timeZone,
    events: [toEvent(s, { seesMeeting })],
  });
}
