/**
 * What every programme-editing service needs: the edition being edited, the organiser's track
 * scope, row locks on rooms and people, the editable shape of a session and its audit snapshot.
 */
import type { SessionUser } from "~/server/auth/roles";
import { lockRoom, lockSpeakers } from "~/server/db/locks";
import type { Tx } from "~/server/db/transaction";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { type Prisma } from "~/server/generated/prisma/client";
import { errorsT, type IssueView } from "~/server/organiser/messages";
import { canEditTrack, type TrackScope } from "~/server/organiser/rules";
import { findCurrentEdition } from "~/server/edition/current";

export type Reader = Db | Tx;

/** A refused save: the message for people and the issues for the editor to show by field. */
export class ConflictError extends AppError {
  readonly issues: IssueView[];

  constructor(message: string, issues: IssueView[]) {
    super("CONFLICT", message);
    this.name = "ConflictError";
    this.issues = issues;
  }
}

export const editionSelect = { id: true, startsAt: true, endsAt: true, timeZone: true } satisfies Prisma.EditionSelect;
export type EditionSpan = Prisma.EditionGetPayload<{ select: typeof editionSelect }>;

/** The edition organisers edit: the latest one, as the public site shows. */
export async function currentEdition(db: Reader): Promise<EditionSpan> {
  return findCurrentEdition(db, editionSelect);
}

/** Admins and organisers without scope rows edit every track; others only theirs. */
export async function trackScope(db: Reader, actor: SessionUser): Promise<TrackScope> {
  if (actor.role === "ADMIN") return "all";
  const rows = await db.organiserTrackScope.findMany({ where: { userId: actor.id }, select: { trackId: true } });
  return rows.length === 0 ? "all" : rows.map((r) => r.trackId);
}

export function assertTrackEditable(scope: TrackScope, trackId: string | null): void {
  if (canEditTrack(scope, trackId)) return;
  throw new AppError("FORBIDDEN", errorsT(trackId === null ? "forbiddenNoTrack" : "forbiddenTrack"));
}

/** Edition-wide work (the August meeting, registrations): organisers without a track limit only. */
export async function assertUnscoped(db: Reader, actor: SessionUser): Promise<void> {
  if ((await trackScope(db, actor)) !== "all") throw new AppError("FORBIDDEN", errorsT("forbiddenScoped"));
}

/**
 * A person may be edited by a track editor only when every session they appear in is in one of
 * that editor's tracks (a person in no session yet, too): a bio seen on another track's pages is
 * that track's editors' business.
 */
export async function assertSpeakerEditable(db: Reader, actor: SessionUser, speakerId: string): Promise<void> {
  const scope = await trackScope(db, actor);
  if (scope === "all") return;
  const links = await db.sessionSpeaker.findMany({
    where: { speakerId },
    select: { session: { select: { trackId: true } } },
  });
  if (links.some((l) => !canEditTrack(scope, l.session.trackId))) {
    throw new AppError("FORBIDDEN", errorsT("forbiddenSpeaker"));
  }
}

/** Tracks and rooms are shared by everyone: only unrestricted organisers change them. */
export async function assertUnrestricted(db: Reader, actor: SessionUser): Promise<void> {
  if ((await trackScope(db, actor)) !== "all") throw new AppError("FORBIDDEN", errorsT("forbiddenCatalogue"));
}

/**
 * Locks the rooms and people a save puts a session into (in id order), so that two organisers
 * saving into the same room or with the same speaker at once are checked one after the other
 * and cannot both pass the clash check.
 */
export async function lockPlacement(tx: Tx, roomId: string | null, personIds: readonly string[]): Promise<void> {
  // Steps 4 and 5 of the lock order (server/db/locks.ts); the session row comes after.
  await lockRoom(tx, roomId);
  await lockSpeakers(tx, personIds);
}

/**
 * Spread into the `data` of every organiser write to a session (save, move, import, publication,
 * cancellation, a speaker's new name): the revision is the iCalendar SEQUENCE, so calendar clients
 * take the newer copy of an event.
 */
export const nextRevision = { revision: { increment: 1 } } as const satisfies Prisma.ProgrammeSessionUpdateInput;

export const editableSessionSelect = {
  id: true,
  editionId: true,
  trackId: true,
  roomId: true,
  format: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  isClosed: true,
  bookingRequired: true,
  bookedCount: true,
  status: true,
  revision: true,
  publishedAt: true,
  room: { select: { id: true, name: true, capacity: true } },
  track: { select: { id: true, code: true, title: true, color: true } },
  speakers: {
    select: { speakerId: true, role: true, speaker: { select: { fullName: true } } },
    orderBy: [{ role: "asc" }, { order: "asc" }],
  },
  edition: { select: editionSelect },
} satisfies Prisma.ProgrammeSessionSelect;

export type EditableSession = Prisma.ProgrammeSessionGetPayload<{ select: typeof editableSessionSelect }>;

export const moderatorIdsOf = (s: Pick<EditableSession, "speakers">): string[] =>
  s.speakers.filter((p) => p.role === "MODERATOR").map((p) => p.speakerId);
export const speakerIdsOf = (s: Pick<EditableSession, "speakers">): string[] =>
  s.speakers.filter((p) => p.role === "SPEAKER").map((p) => p.speakerId);

/** What the audit log keeps of a session (before and after a change). */
export function sessionSnapshot(s: EditableSession) {
  return {
    title: s.title,
    description: s.description,
    format: s.format,
    status: s.status,
    trackId: s.trackId,
    track: s.track?.code ?? null,
    roomId: s.roomId,
    room: s.room?.name ?? null,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    isClosed: s.isClosed,
    bookingRequired: s.bookingRequired,
    bookedCount: s.bookedCount,
    moderatorIds: moderatorIdsOf(s),
    speakerIds: speakerIdsOf(s),
  };
}

export async function findEditable(db: Reader, id: string): Promise<EditableSession> {
  const session = await db.programmeSession.findUnique({ where: { id }, select: editableSessionSelect });
  if (!session) throw new AppError("NOT_FOUND", errorsT("sessionNotFound"));
  return session;
}
