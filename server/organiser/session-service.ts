/**
 * Session writes of the organiser console: check (live, no write), create a draft, update, move,
 * publish, cancel (seats released, queue emptied, everyone told) and delete a draft. Each write is
 * one transaction: rooms and people locked first, then the session row, as the booking service does.
 */
import type { SessionUser } from "~/server/auth/roles";
import { lockSessions } from "~/server/db/locks";
import { inTransaction, LockSetChanged } from "~/server/db/transaction";
import { recordAudit } from "~/server/audit/log";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import {
  ConflictError,
  assertTrackEditable,
  currentEdition,
  findEditable,
  lockPlacement,
  moderatorIdsOf,
  nextRevision,
  sessionSnapshot,
  speakerIdsOf,
  trackScope,
} from "~/server/organiser/context";
import { errorsT, refusalMessage, type IssueView } from "~/server/organiser/messages";
import { logProgrammeChange, notifyCancellation } from "~/server/organiser/notify";
import { canEditTrack, shiftedSpan } from "~/server/organiser/rules";
import type {
  CancelSessionInput,
  CheckSessionInput,
  CreateSessionInput,
  IdInput,
  MoveSessionInput,
  UpdateSessionInput,
} from "~/server/organiser/schema";
import {
  applySessionSave,
  assessDraft,
  draftFromFields,
  draftOf,
  type SaveResult,
} from "~/server/organiser/session-save";
import { zonedTimeToUtc } from "~/server/programme/time";

type Args<I> = { db: Db; actor: SessionUser; input: I };

/** The editor's live check: every issue the save would meet, and whether this person may save at all. */
export async function checkSessionDraft({
  db,
  actor,
  input,
}: Args<CheckSessionInput>): Promise<{ issues: IssueView[]; canEdit: boolean }> {
  const existing = input.id ? await findEditable(db, input.id) : null;
  const edition = existing?.edition ?? (await currentEdition(db));
  const draft = draftFromFields(input.data, edition.timeZone);
  const scope = await trackScope(db, actor);
  const { issues } = await assessDraft(db, {
    edition,
    existing,
    draft,
    moveExcessToWaitlist: input.moveExcessToWaitlist,
  });
  const canEdit = canEditTrack(scope, draft.trackId) && (!existing || canEditTrack(scope, existing.trackId));
  return { issues, canEdit };
}

/** The timetable's check before a move: issues, whether this person may move it, how many would be told. */
export async function checkMove({ db, actor, input }: Args<MoveSessionInput>) {
  const existing = await findEditable(db, input.id);
  const span = shiftedSpan(existing, zonedTimeToUtc(input.day, input.start, existing.edition.timeZone));
  const [{ issues }, scope, audience] = await Promise.all([
    assessDraft(db, {
      edition: existing.edition,
      existing,
      draft: { ...draftOf(existing), ...span, roomId: input.roomId },
      moveExcessToWaitlist: false,
    }),
    trackScope(db, actor),
    existing.status === "PUBLISHED"
      ? Promise.all([
          db.booking.findMany({ where: { sessionId: existing.id }, select: { userId: true } }),
          db.waitlistEntry.findMany({ where: { sessionId: existing.id }, select: { userId: true } }),
          db.favourite.findMany({ where: { sessionId: existing.id }, select: { userId: true } }),
        ])
      : [[], [], []],
  ]);
  return {
    issues,
    canEdit: canEditTrack(scope, existing.trackId) && existing.status !== "CANCELLED",
    toNotify: new Set(audience.flat().map((r) => r.userId)).size,
  };
}

export async function createSession({ db, actor, input }: Args<CreateSessionInput>): Promise<SaveResult> {
  return inTransaction(db, async (tx) => {
    const edition = await currentEdition(tx);
    const draft = draftFromFields(input.data, edition.timeZone);
    await lockPlacement(tx, draft.roomId, [...draft.moderatorIds, ...draft.speakerIds]);
    return applySessionSave(tx, {
      actor,
      scope: await trackScope(tx, actor),
      edition,
      existing: null,
      draft,
      acknowledgeWarnings: input.acknowledgeWarnings,
      moveExcessToWaitlist: false,
    });
  });
}

export async function updateSession({ db, actor, input }: Args<UpdateSessionInput>): Promise<SaveResult> {
  return inTransaction(db, async (tx) => {
    const { edition } = await findEditable(tx, input.id);
    const draft = draftFromFields(input.data, edition.timeZone);
    await lockPlacement(tx, draft.roomId, [...draft.moderatorIds, ...draft.speakerIds]);
    await lockSessions(tx, [input.id]);
    const existing = await findEditable(tx, input.id);
    return applySessionSave(tx, {
      actor,
      scope: await trackScope(tx, actor),
      edition,
      existing,
      draft,
      acknowledgeWarnings: input.acknowledgeWarnings,
      moveExcessToWaitlist: input.moveExcessToWaitlist,
    });
  });
}

/**
 * The speakers and moderators are read before their rows can be locked (the lock order puts
 * people before the session row): once the session is locked they are read again, and if someone
 * changed them in between, the transaction runs again with the new people locked.
 */
function assertPeopleLocked(
  existing: Parameters<typeof speakerIdsOf>[0] & Parameters<typeof moderatorIdsOf>[0],
  locked: readonly string[],
): void {
  const held = new Set(locked);
  if ([...moderatorIdsOf(existing), ...speakerIdsOf(existing)].some((id) => !held.has(id))) throw new LockSetChanged();
}

/** Another start (same length) and/or room: the timetable's drag and drop and the «Перенести» form. */
export async function moveSession({ db, actor, input }: Args<MoveSessionInput>): Promise<SaveResult> {
  return inTransaction(db, async (tx) => {
    const first = await findEditable(tx, input.id);
    const locked = [...moderatorIdsOf(first), ...speakerIdsOf(first)];
    await lockPlacement(tx, input.roomId, locked);
    await lockSessions(tx, [input.id]);
    const existing = await findEditable(tx, input.id);
    assertPeopleLocked(existing, locked);
    const tz = existing.edition.timeZone;
    const span = shiftedSpan(existing, zonedTimeToUtc(input.day, input.start, tz));
    return applySessionSave(tx, {
      actor,
      scope: await trackScope(tx, actor),
      edition: existing.edition,
      existing,
      draft: { ...draftOf(existing), ...span, roomId: input.roomId },
      acknowledgeWarnings: input.acknowledgeWarnings,
      moveExcessToWaitlist: false,
      action: "session.move",
    });
  });
}

/** Makes a draft visible. Hard conflicts are checked again: the programme may have changed since the save. */
export async function publishSession({ db, actor, input }: Args<IdInput>) {
  return inTransaction(db, async (tx) => {
    const first = await findEditable(tx, input.id);
    const locked = [...moderatorIdsOf(first), ...speakerIdsOf(first)];
    await lockPlacement(tx, first.roomId, locked);
    await lockSessions(tx, [input.id]);
    const existing = await findEditable(tx, input.id);
    assertPeopleLocked(existing, locked);
    if (existing.roomId !== first.roomId) throw new LockSetChanged();
    assertTrackEditable(await trackScope(tx, actor), existing.trackId);
    if (existing.status !== "DRAFT") throw new AppError("CONFLICT", errorsT("alreadyPublished"));
    const { issues } = await assessDraft(tx, {
      edition: existing.edition,
      existing,
      draft: draftOf(existing),
      moveExcessToWaitlist: false,
    });
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) throw new ConflictError(refusalMessage(errors, "errors"), errors);
    const after = await tx.programmeSession.update({
      where: { id: existing.id },
      data: { status: "PUBLISHED", publishedAt: new Date(), ...nextRevision },
      select: { id: true, status: true },
    });
    await logProgrammeChange(tx, {
      session: {
        id: existing.id,
        title: existing.title,
        editionId: existing.editionId,
        timeZone: existing.edition.timeZone,
      },
      kind: "PUBLISHED",
      after: { startsAt: existing.startsAt, endsAt: existing.endsAt, roomName: existing.room?.name ?? null },
    });
    await recordAudit(tx, {
      actor,
      action: "session.publish",
      entity: "ProgrammeSession",
      entityId: existing.id,
      before: { status: existing.status },
      after: { status: after.status },
    });
    return after;
  });
}

/**
 * Cancels a published session: everyone booked, waiting or starring it is told (once each), then
 * every seat is released and the queue emptied. Stars stay, so the person's programme shows it
 * as cancelled.
 */
export async function cancelSession({ db, actor, input }: Args<CancelSessionInput>) {
  return inTransaction(db, async (tx) => {
    await lockSessions(tx, [input.id]);
    const existing = await findEditable(tx, input.id);
    assertTrackEditable(await trackScope(tx, actor), existing.trackId);
    if (existing.status !== "PUBLISHED") throw new AppError("CONFLICT", errorsT("notPublished"));
    const ref = {
      id: existing.id,
      title: existing.title,
      editionId: existing.editionId,
      timeZone: existing.edition.timeZone,
    };
    const before = { startsAt: existing.startsAt, endsAt: existing.endsAt, roomName: existing.room?.name ?? null };
    const notified = await notifyCancellation(tx, { session: ref, before, reason: input.reason || null });
    const [bookings, waitlist] = await Promise.all([
      tx.booking.deleteMany({ where: { sessionId: existing.id } }),
      tx.waitlistEntry.deleteMany({ where: { sessionId: existing.id } }),
    ]);
    await tx.programmeSession.update({
      where: { id: existing.id },
      data: { status: "CANCELLED", bookedCount: 0, ...nextRevision },
    });
    await logProgrammeChange(tx, { session: ref, kind: "CANCELLED", before });
    await recordAudit(tx, {
      actor,
      action: "session.cancel",
      entity: "ProgrammeSession",
      entityId: existing.id,
      before: sessionSnapshot(existing),
      after: {
        status: "CANCELLED",
        reason: input.reason || null,
        releasedSeats: bookings.count,
        clearedWaitlist: waitlist.count,
        notified,
      },
    });
    return { id: existing.id, notified, releasedSeats: bookings.count, clearedWaitlist: waitlist.count };
  });
}

/** Drafts only: nobody has seen them, nobody can hold a seat in them. */
export async function deleteSession({ db, actor, input }: Args<IdInput>) {
  return inTransaction(db, async (tx) => {
    await lockSessions(tx, [input.id]);
    const existing = await findEditable(tx, input.id);
    assertTrackEditable(await trackScope(tx, actor), existing.trackId);
    if (existing.status !== "DRAFT") throw new AppError("CONFLICT", errorsT("notDraft"));
    await tx.programmeSession.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actor,
      action: "session.delete",
      entity: "ProgrammeSession",
      entityId: existing.id,
      before: sessionSnapshot(existing),
    });
    return { id: existing.id };
  });
}
