/**
 * The one path every session write takes (the form, the timetable's move, the import): check the
 * session as it would be, refuse errors and unacknowledged warnings, write it with its people and
 * search text, move excess seats to the waitlist, and — for published sessions — log the change,
 * tell the people concerned and give freed seats to the queue. Runs inside the caller's transaction.
 */
import type { SessionUser } from "~/server/auth/roles";
import { lockUsers } from "~/server/db/locks";
import type { Tx } from "~/server/db/transaction";
import { fillFreedSeats, heldOverlapping } from "~/server/booking/service";
import { recordAudit } from "~/server/audit/log";
import { AppError } from "~/server/errors";
import type { SessionFormat } from "~/server/generated/prisma/client";
import {
  ConflictError,
  assertTrackEditable,
  findEditable,
  moderatorIdsOf,
  nextRevision,
  sessionSnapshot,
  speakerIdsOf,
  type EditableSession,
  type EditionSpan,
  type Reader,
} from "~/server/organiser/context";
import { describeIssue, errorsT, refusalMessage, type IssueView, type Placed } from "~/server/organiser/messages";
import {
  logProgrammeChange,
  notifyMovedToWaitlist,
  notifyPlacementChange,
  notifySeatClashes,
} from "~/server/organiser/notify";
import {
  changedFields,
  checkSession,
  excessHolders,
  frontOfQueueSeqs,
  placementChange,
  saveDecision,
  spanFromWallClock,
  type OtherSession,
  type TrackScope,
} from "~/server/organiser/rules";
import type { SessionFields } from "~/server/organiser/schema";
import { buildSessionSearchText } from "~/server/programme/rules";

/** A session's editable values, times as instants. */
export type SessionDraft = {
  title: string;
  description: string;
  format: SessionFormat;
  trackId: string | null;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  isClosed: boolean;
  bookingRequired: boolean;
  moderatorIds: string[];
  speakerIds: string[];
};

export function draftFromFields(f: SessionFields, timeZone: string): SessionDraft {
  return {
    title: f.title,
    description: f.description,
    format: f.format,
    trackId: f.trackId,
    roomId: f.roomId,
    ...spanFromWallClock(f, timeZone),
    capacity: f.capacity,
    isClosed: f.isClosed,
    bookingRequired: f.bookingRequired,
    moderatorIds: f.moderatorIds,
    speakerIds: f.speakerIds,
  };
}

export function draftOf(s: EditableSession): SessionDraft {
  return {
    title: s.title,
    description: s.description,
    format: s.format,
    trackId: s.trackId,
    roomId: s.roomId,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    isClosed: s.isClosed,
    bookingRequired: s.bookingRequired,
    moderatorIds: moderatorIdsOf(s),
    speakerIds: speakerIdsOf(s),
  };
}

/** The draft's references exist in the edition; returns the room and the people's names. */
async function resolveReferences(db: Reader, editionId: string, draft: SessionDraft) {
  const personIds = [...draft.moderatorIds, ...draft.speakerIds];
  const [track, room, people] = await Promise.all([
    draft.trackId ? db.track.findFirst({ where: { id: draft.trackId, editionId }, select: { id: true } }) : null,
    draft.roomId
      ? db.room.findFirst({ where: { id: draft.roomId, editionId }, select: { id: true, name: true, capacity: true } })
      : null,
    personIds.length
      ? db.speaker.findMany({ where: { id: { in: personIds }, editionId }, select: { id: true, fullName: true } })
      : [],
  ]);
  if (draft.trackId && !track) throw new AppError("NOT_FOUND", errorsT("trackNotFound"));
  if (draft.roomId && !room) throw new AppError("NOT_FOUND", errorsT("roomNotFound"));
  if (people.length !== new Set(personIds).size) throw new AppError("BAD_REQUEST", errorsT("unknownSpeakers"));
  return { room, names: new Map(people.map((p) => [p.id, p.fullName])) };
}

/** Every check for the draft, against every other live session of the edition (all tracks). */
export async function assessDraft(
  db: Reader,
  p: { edition: EditionSpan; existing: EditableSession | null; draft: SessionDraft; moveExcessToWaitlist: boolean },
): Promise<{ issues: IssueView[]; roomName: string | null; names: Map<string, string> }> {
  const { edition, existing, draft } = p;
  const { room, names } = await resolveReferences(db, edition.id, draft);
  const validSpan = draft.endsAt > draft.startsAt;
  const rows = validSpan
    ? await db.programmeSession.findMany({
        where: {
          editionId: edition.id,
          status: { not: "CANCELLED" },
          ...(existing ? { id: { not: existing.id } } : {}),
          startsAt: { lt: draft.endsAt },
          endsAt: { gt: draft.startsAt },
        },
        select: {
          id: true,
          title: true,
          startsAt: true,
          endsAt: true,
          roomId: true,
          status: true,
          speakers: { select: { speakerId: true } },
        },
      })
    : [];
  const others: OtherSession[] = rows.map((r) => ({ ...r, personIds: r.speakers.map((s) => s.speakerId) }));
  let attendeeClashes = 0;
  const timeChanged =
    existing &&
    (existing.startsAt.getTime() !== draft.startsAt.getTime() || existing.endsAt.getTime() !== draft.endsAt.getTime());
  if (existing && timeChanged && validSpan && existing.status === "PUBLISHED" && existing.bookedCount > 0) {
    const booked = await db.booking.findMany({ where: { sessionId: existing.id }, select: { userId: true } });
    const held = await heldOverlapping(
      db as Tx,
      booked.map((b) => b.userId),
      { id: existing.id, startsAt: draft.startsAt, endsAt: draft.endsAt },
    );
    attendeeClashes = new Set(held.map((h) => h.userId)).size;
  }
  const issues = checkSession(
    {
      id: existing?.id ?? null,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      roomId: draft.roomId,
      capacity: draft.capacity,
      personIds: [...draft.moderatorIds, ...draft.speakerIds],
    },
    {
      edition,
      room,
      others,
      personNames: names,
      bookedCount: existing?.bookedCount ?? 0,
      moveExcessToWaitlist: p.moveExcessToWaitlist,
      attendeeClashes,
    },
  ).map(describeIssue);
  return { issues, roomName: room?.name ?? null, names };
}

export type SaveResult = {
  id: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  /** People told about a new time or room. */
  notified: number;
  movedToWaitlist: number;
  promoted: number;
  /** Warnings that were acknowledged (errors never get this far). */
  issues: IssueView[];
};

const placed = (s: EditableSession): Placed => ({
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  roomName: s.room?.name ?? null,
});

const logged = (s: EditableSession) => ({
  title: s.title,
  description: s.description,
  format: s.format,
  trackId: s.trackId,
  capacity: s.capacity,
  isClosed: s.isClosed,
  bookingRequired: s.bookingRequired,
  people: [...moderatorIdsOf(s), "|", ...speakerIdsOf(s)],
});

/** Moves the last booked above the new capacity to the front of the queue; returns them with their places. */
async function moveExcessToWaitlist(tx: Tx, sessionId: string, capacity: number) {
  const holders = await tx.booking.findMany({
    where: { sessionId },
    select: { id: true, userId: true, createdAt: true },
  });
  const excess = excessHolders(holders, capacity);
  if (excess.length === 0) return [];
  await tx.booking.deleteMany({ where: { id: { in: excess.map((e) => e.id) } } });
  await tx.programmeSession.update({ where: { id: sessionId }, data: { bookedCount: { decrement: excess.length } } });
  const lowest = await tx.waitlistEntry.aggregate({ where: { sessionId }, _min: { seq: true } });
  const seqs = frontOfQueueSeqs(lowest._min.seq, excess.length);
  await tx.waitlistEntry.deleteMany({ where: { sessionId, userId: { in: excess.map((e) => e.userId) } } });
  for (const [i, e] of excess.entries()) {
    await tx.waitlistEntry.create({ data: { sessionId, userId: e.userId, seq: seqs[i]! } });
  }
  return excess.map((e, i) => ({ userId: e.userId, position: i + 1 }));
}

/**
 * Booked people who, at the session's new time, hold another confirmed seat. Their rows are
 * locked first (after the session row: the exception noted in server/db/locks.ts), so a booking
 * of theirs racing the move either is seen here or waits and then sees the new time.
 */
async function clashesAfterMove(tx: Tx, before: EditableSession, after: EditableSession) {
  const sameTime =
    before.startsAt.getTime() === after.startsAt.getTime() && before.endsAt.getTime() === after.endsAt.getTime();
  if (sameTime) return [];
  const booked = (await tx.booking.findMany({ where: { sessionId: after.id }, select: { userId: true } })).map(
    (b) => b.userId,
  );
  if (booked.length === 0) return [];
  await lockUsers(tx, booked);
  const held = await heldOverlapping(tx, booked, after);
  return held.map(({ userId, ...other }) => ({ userId, other }));
}

/**
 * Checks and writes one session (new when `existing` is null). The caller holds the locks
 * (lockPlacement, then the session row) and runs this in its transaction.
 */
export async function applySessionSave(
  tx: Tx,
  p: {
    actor: SessionUser;
    scope: TrackScope;
    edition: EditionSpan;
    existing: EditableSession | null;
    draft: SessionDraft;
    acknowledgeWarnings: boolean;
    moveExcessToWaitlist: boolean;
    action?: string;
  },
): Promise<SaveResult> {
  const { existing, draft, edition } = p;
  if (existing) {
    if (existing.status === "CANCELLED") throw new AppError("CONFLICT", errorsT("cancelledSession"));
    assertTrackEditable(p.scope, existing.trackId);
  }
  assertTrackEditable(p.scope, draft.trackId);
  const { issues, names } = await assessDraft(tx, {
    edition,
    existing,
    draft,
    moveExcessToWaitlist: p.moveExcessToWaitlist,
  });
  const decision = saveDecision(issues, p.acknowledgeWarnings);
  if (decision !== "ok") throw new ConflictError(refusalMessage(issues, decision), issues);

  const moved =
    existing && draft.capacity !== null && draft.capacity < existing.bookedCount
      ? await moveExcessToWaitlist(tx, existing.id, draft.capacity)
      : [];
  const people = [
    ...draft.moderatorIds.map((speakerId, order) => ({ speakerId, role: "MODERATOR" as const, order })),
    ...draft.speakerIds.map((speakerId, order) => ({ speakerId, role: "SPEAKER" as const, order })),
  ];
  const data = {
    title: draft.title,
    description: draft.description,
    format: draft.format,
    trackId: draft.trackId,
    roomId: draft.roomId,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    capacity: draft.capacity,
    isClosed: draft.isClosed,
    bookingRequired: draft.bookingRequired,
    searchText: buildSessionSearchText({
      title: draft.title,
      description: draft.description,
      people: people.map((x) => names.get(x.speakerId) ?? ""),
    }),
  };
  const change = existing ? placementChange(existing, draft) : null;
  const id = existing
    ? (
        await tx.programmeSession.update({
          where: { id: existing.id },
          data: {
            ...data,
            ...nextRevision,
            speakers: { deleteMany: {}, create: people },
          },
          select: { id: true },
        })
      ).id
    : (
        await tx.programmeSession.create({
          data: { ...data, editionId: edition.id, status: "DRAFT", speakers: { create: people } },
          select: { id: true },
        })
      ).id;
  const after = await findEditable(tx, id);

  let notified = 0;
  let promoted = 0;
  if (existing?.status === "PUBLISHED") {
    const ref = { id, title: after.title, editionId: edition.id, timeZone: edition.timeZone };
    if (change) {
      await logProgrammeChange(tx, { session: ref, kind: change, before: placed(existing), after: placed(after) });
      const clashed = await notifySeatClashes(tx, {
        session: ref,
        after: placed(after),
        clashes: await clashesAfterMove(tx, existing, after),
      });
      const exclude = new Set([...moved.map((m) => m.userId), ...clashed]);
      notified = await notifyPlacementChange(tx, {
        session: ref,
        before: placed(existing),
        after: placed(after),
        exclude,
      });
    }
    const fields = changedFields(logged(existing), logged(after));
    if (fields.length > 0)
      await logProgrammeChange(tx, { session: ref, kind: "UPDATED", after: placed(after), fields });
    if (moved.length > 0) await notifyMovedToWaitlist(tx, { session: ref, when: placed(after), moved });
    const grew = existing.capacity !== null && (after.capacity === null || after.capacity > existing.capacity);
    if (grew) promoted = (await fillFreedSeats({ tx, sessionId: id })).promoted.length;
  }
  await recordAudit(tx, {
    actor: p.actor,
    action: p.action ?? (existing ? "session.update" : "session.create"),
    entity: "ProgrammeSession",
    entityId: id,
    before: existing ? sessionSnapshot(existing) : undefined,
    after: {
      ...sessionSnapshot(after),
      ...(notified ? { notified } : {}),
      ...(moved.length ? { movedToWaitlist: moved.map((m) => m.userId) } : {}),
      ...(promoted ? { promoted } : {}),
      ...(p.acknowledgeWarnings && issues.length ? { acknowledgedWarnings: issues.map((i) => i.code) } : {}),
    },
  });
  return { id, status: after.status, notified, movedToWaitlist: moved.length, promoted, issues };
}
