/**
 * Door lists: who holds a seat and who waits, for one session, one room or every session at
 * once, and every registration of the forum. Personal data, for organisers: a track editor gets
 * only their tracks' sessions, and only unrestricted organisers get the registrations. A fixed
 * number of queries whatever the number of sessions (sessions, seats, queue, registrations).
 */
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { ParticipantCategory, Prisma } from "~/server/generated/prisma/client";
import { assertUnscoped, currentEdition, trackScope } from "~/server/organiser/context";
import { canEditTrack } from "~/server/organiser/rules";
import { errorsT } from "~/server/organiser/messages";

export type RosterInput = { sessionId?: string; roomId?: string };

export type RosterPerson = {
  status: "booked" | "waitlisted";
  position: number | null;
  fullName: string;
  email: string;
  phone: string;
  organisation: string;
  jobTitle: string;
  region: string;
  category: ParticipantCategory | null;
  /** When the seat was taken or the queue joined: «Дата записи». */
  since: Date;
};

const sessionSelect = {
  id: true,
  title: true,
  trackId: true,
  startsAt: true,
  endsAt: true,
  room: { select: { id: true, name: true } },
} satisfies Prisma.ProgrammeSessionSelect;

const personSelect = { sessionId: true, userId: true, createdAt: true } as const;

const registrationSelect = {
  userId: true,
  email: true,
  surname: true,
  firstName: true,
  patronymic: true,
  phone: true,
  organisation: true,
  position: true,
  category: true,
  status: true,
  createdAt: true,
  anonymisedAt: true,
  region: { select: { name: true } },
} satisfies Prisma.RegistrationSelect;

const fullNameOf = (r: { surname: string; firstName: string; patronymic: string | null }) =>
  [r.surname, r.firstName, r.patronymic].filter(Boolean).join(" ");

/** Sessions (in programme order) with their people: the seated by booking time, then the queue. */
export async function getRosters({ db, actor, input }: { db: Db; actor: SessionUser; input: RosterInput }) {
  const edition = await currentEdition(db);
  const scope = await trackScope(db, actor);
  const where: Prisma.ProgrammeSessionWhereInput = {
    editionId: edition.id,
    // A draft's list (always empty) only when asked for by name; lists of many leave drafts out.
    ...(input.sessionId ? { id: input.sessionId } : { status: { not: "DRAFT" } }),
    ...(input.roomId ? { roomId: input.roomId } : {}),
  };
  const found = await db.programmeSession.findMany({
    where,
    select: sessionSelect,
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
  });
  if (input.sessionId && found.length === 0) throw new AppError("NOT_FOUND", errorsT("sessionNotFound"));
  if (input.roomId && found.length === 0 && !(await db.room.findUnique({ where: { id: input.roomId } })))
    throw new AppError("NOT_FOUND", errorsT("roomNotFound"));
  const sessions = found.filter((s) => canEditTrack(scope, s.trackId));
  if (input.sessionId && sessions.length === 0) throw new AppError("FORBIDDEN", errorsT("forbiddenAttendees"));
  const ids = sessions.map((s) => s.id);
  const [bookings, waitlist] = await Promise.all([
    db.booking.findMany({
      where: { sessionId: { in: ids } },
      select: personSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.waitlistEntry.findMany({ where: { sessionId: { in: ids } }, select: personSelect, orderBy: { seq: "asc" } }),
  ]);
  const userIds = [...new Set([...bookings, ...waitlist].map((r) => r.userId))];
  const [registrations, users] = await Promise.all([
    db.registration.findMany({
      where: { editionId: edition.id, userId: { in: userIds } },
      select: registrationSelect,
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  const byUser = new Map(registrations.map((r) => [r.userId, r]));
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const person = (r: (typeof bookings)[number], status: RosterPerson["status"], position: number | null) => {
    const reg = byUser.get(r.userId);
    const visible = reg && !reg.anonymisedAt ? reg : null;
    return {
      status,
      position,
      email: emails.get(r.userId) ?? "",
      fullName: visible ? fullNameOf(visible) : "",
      phone: visible?.phone ?? "",
      organisation: visible?.organisation ?? "",
      jobTitle: visible?.position ?? "",
      region: visible?.region?.name ?? "",
      category: visible?.category ?? null,
      since: r.createdAt,
    } satisfies RosterPerson;
  };
  return {
    timeZone: edition.timeZone,
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      room: s.room?.name ?? null,
      people: [
        ...bookings.filter((b) => b.sessionId === s.id).map((b) => person(b, "booked", null)),
        ...waitlist.filter((w) => w.sessionId === s.id).map((w, i) => person(w, "waitlisted", i + 1)),
      ],
    })),
  };
}

/** Every registration of the current forum (cancelled ones too, marked), oldest first. */
export async function getRegistrationList({ db, actor }: { db: Db; actor: SessionUser }) {
  await assertUnscoped(db, actor);
  const edition = await currentEdition(db);
  const rows = await db.registration.findMany({
    where: { editionId: edition.id },
    select: registrationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    timeZone: edition.timeZone,
    registrations: rows.map((r) => {
      const hidden = !!r.anonymisedAt;
      return {
        status: r.status,
        fullName: hidden ? "" : fullNameOf(r),
        email: hidden ? "" : r.email,
        phone: hidden ? "" : r.phone,
        organisation: hidden ? "" : r.organisation,
        jobTitle: hidden ? "" : r.position,
        region: hidden ? "" : (r.region?.name ?? ""),
        category: hidden ? null : r.category,
        since: r.createdAt,
      };
    }),
  };
}
