/**
 * The one-click swap a clash mail links to (`/my/clash/<a>/<b>`): two sessions the person holds
 * seats on that run at once, and giving up one of them. Giving up goes through the seat
 * cancellation of server/booking/seats.ts, as `cancelBooking` does (the cancellation mail, the
 * first eligible person in the queue gets the seat), in one transaction that first locks the
 * person and both sessions and judges the pair on the locked rows: a pair that is not both the
 * person's seats, or no longer clashes, is refused and nothing changes.
 */
import type { SessionUser } from "~/server/auth/roles";
import { seatPairState } from "~/server/booking/rules";
import type { ClashInput, ResolveClashInput } from "~/server/booking/schema";
import { fillFreedSeats } from "~/server/booking/service";
import { lockPersonAndSessions, releaseSeatWithMail } from "~/server/booking/seats";
import type { Db } from "~/server/db/client";
import { inSqlTransaction } from "~/server/db/sql";
import { AppError, notFound } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { apiErrorsT, bookingErrorsT } from "~/server/i18n/server-messages";

type Args<I> = { db: Db; actor: SessionUser; input: I };

const clashSessionSelect = {
  id: true,
  title: true,
  status: true,
  isClosed: true,
  startsAt: true,
  endsAt: true,
  room: { select: { name: true, floor: true } },
  edition: { select: { timeZone: true, meetingSessionId: true } },
} satisfies Prisma.ProgrammeSessionSelect;

export type ClashSession = {
  id: string;
  title: string;
  status: "PUBLISHED" | "CANCELLED";
  startsAt: Date;
  endsAt: Date;
  room: { name: string; floor: string } | null;
  /** Whether the person holds a seat on it now. */
  booked: boolean;
};

export type ClashView =
  | { state: "unknown" }
  | { state: "clash" | "noClash" | "notYours"; timeZone: string; a: ClashSession; b: ClashSession };

/** A session the swap page may name: public (published or cancelled), never the closed meeting. */
const isPublic = (s: { status: string; isClosed: boolean; id: string; edition: { meetingSessionId: string | null } }) =>
  s.status !== "DRAFT" && !s.isClosed && s.edition.meetingSessionId !== s.id;

/**
 * The pair as it stands for the person. Only public sessions are named (as the programme shows
 * them); an id that names no such session, or the same id twice, is "unknown".
 */
export async function getClash({ db, actor, input }: Args<ClashInput>): Promise<ClashView> {
  if (input.a === input.b) return { state: "unknown" };
  const rows = await db.programmeSession.findMany({
    where: { id: { in: [input.a, input.b] } },
    select: { ...clashSessionSelect, bookings: { where: { userId: actor.id }, select: { id: true } } },
  });
  const view = (id: string): ClashSession | null => {
    const row = rows.find((r) => r.id === id);
    if (!row || !isPublic(row) || row.status === "DRAFT") return null;
    const { bookings, edition: _edition, isClosed: _closed, ...session } = row;
    return { ...session, status: row.status, booked: bookings.length > 0 };
  };
  const [a, b] = [view(input.a), view(input.b)];
  if (!a || !b) return { state: "unknown" };
  return { state: seatPairState(a, b), timeZone: rows[0]!.edition.timeZone, a, b };
}

export type ResolveClashResult = { keptSessionId: string; cancelledSessionId: string; promoted: number };

/**
 * Gives up `cancelSessionId` to keep `keepSessionId`. One transaction: lock the person and both
 * sessions (the lock order of server/db/locks.ts), judge the pair on the locked rows, then the
 * cancellation write and the promotion from that session's queue.
 */
export async function resolveClash({ db, actor, input }: Args<ResolveClashInput>): Promise<ResolveClashResult> {
  const { keepSessionId, cancelSessionId } = input;
  if (keepSessionId === cancelSessionId) throw notFound(apiErrorsT("noSuchSession"));
  const closed = await db.programmeSession.findMany({
    where: { id: { in: [keepSessionId, cancelSessionId] } },
    select: { id: true, status: true, isClosed: true, edition: { select: { meetingSessionId: true } } },
  });
  if (closed.length !== 2 || !closed.every(isPublic)) throw notFound(apiErrorsT("noSuchSession"));
  return inSqlTransaction(db, async (tx) => {
    const locked = await lockPersonAndSessions(tx, actor.id, [keepSessionId, cancelSessionId]);
    if (!locked) throw new AppError("UNAUTHORIZED", apiErrorsT("signIn"));
    const keep = locked.sessions.get(keepSessionId);
    const cancel = locked.sessions.get(cancelSessionId);
    // Judged again on the locked rows: a session closed or taken back to draft meanwhile is not named.
    if (!keep || !cancel || [keep, cancel].some((s) => s.status === "DRAFT" || s.isClosed)) {
      throw notFound(apiErrorsT("noSuchSession"));
    }
    const state = seatPairState(keep, cancel);
    if (state === "notYours") throw new AppError("CONFLICT", bookingErrorsT("clashNotYours"));
    if (state === "noClash") throw new AppError("CONFLICT", bookingErrorsT("clashGone"));
    const session = await releaseSeatWithMail(tx, actor.id, cancelSessionId);
    if (!session) throw notFound(bookingErrorsT("noBooking"));
    const { promoted } = await fillFreedSeats({ tx, sessionId: cancelSessionId, locked: session });
    return { keptSessionId: keepSessionId, cancelledSessionId: cancelSessionId, promoted: promoted.length };
  });
}
