/**
 * Booking writes: book (with waitlist and swap), cancel, leave a waitlist, star, and the
 * promotion of waitlisted people when seats free up. Every write is one transaction that
 * locks the person's row, then the session rows (in id order); the seat counter moves only
 * together with the Booking rows, under that lock, with a conditional update as a second guard
 * and a CHECK constraint as the last.
 */
import type { SessionUser } from "~/server/auth/roles";
import { bookingRefusal, bookingWindowState, findClashes, seatsLeft, type Refusal } from "~/server/booking/rules";
import type { BookInput, SessionInput, StarInput } from "~/server/booking/schema";
import {
  bookInOneMessage,
  joinWaitlist,
  leaveQueue,
  lockForPromotion,
  lockPersonAndSessions,
  lockQueueHead,
  promoteLocked,
  releaseSeatWithMail,
  takeSeatWithMail,
  waitlistCount,
  type BookingAttempt,
  type LockedSession,
  type PromotionSession,
} from "~/server/booking/seats";
import type { Db } from "~/server/db/client";
import { inSqlTransaction, isSql, prismaSql, type Sql } from "~/server/db/sql";
import type { Tx } from "~/server/db/transaction";
import { AppError, notFound } from "~/server/errors";
import { apiErrorsT, bookingErrorsT } from "~/server/i18n/server-messages";
import { inLocaleOf } from "~/server/i18n/translate";

type Args<I> = { db: Db; actor: SessionUser; input: I };

/**
 * Who books: a person resolved from the database, or a session cookie's claim not yet checked
 * (`sessionVersion` set: server/api/trpc.ts `claimedParticipantProcedure`), which the booking's
 * own lock of the person checks, so that a revoked session books nothing.
 */
export type BookingActor = { id: string; sessionVersion?: number | null };

export type ClashInfo = { id: string; title: string; startsAt: Date; endsAt: Date };

export type BookResult =
  | { outcome: "BOOKED"; sessionId: string; already: boolean; replaced: string[] }
  | { outcome: "WAITLISTED"; sessionId: string; position: number }
  | { outcome: "FULL"; sessionId: string; waitlistCount: number }
  | { outcome: "CLASH"; sessionId: string; clashes: ClashInfo[] };

/** Why a booking is refused: the API code and the message (in the caller's language). */
const REFUSALS: Record<Refusal, { code: "NOT_FOUND" | "CONFLICT"; message: () => string }> = {
  draft: { code: "NOT_FOUND", message: () => apiErrorsT("noSuchSession") },
  cancelled: { code: "CONFLICT", message: () => bookingErrorsT("cancelled") },
  closed: { code: "CONFLICT", message: () => bookingErrorsT("closed") },
  freeEntry: { code: "CONFLICT", message: () => bookingErrorsT("freeEntry") },
  notOpenYet: { code: "CONFLICT", message: () => bookingErrorsT("notOpenYet") },
  windowClosed: { code: "CONFLICT", message: () => bookingErrorsT("windowClosed") },
};

/** A confirmed registration for the edition is what allows booking. */
function assertMayBook(registration: "PENDING" | "CONFIRMED" | "CANCELLED" | null): void {
  if (!registration || registration === "CANCELLED") {
    throw new AppError("FORBIDDEN", bookingErrorsT("notRegistered"));
  }
  if (registration !== "CONFIRMED") {
    throw new AppError("FORBIDDEN", bookingErrorsT("notConfirmed"));
  }
}

/** The person's seats in published sessions overlapping an interval, other than `exceptId`. */
export async function heldOverlapping(
  tx: Tx | Db,
  userIds: readonly string[],
  span: { id: string; startsAt: Date; endsAt: Date },
) {
  const rows = await tx.booking.findMany({
    where: {
      userId: { in: [...userIds] },
      sessionId: { not: span.id },
      session: { status: "PUBLISHED", startsAt: { lt: span.endsAt }, endsAt: { gt: span.startsAt } },
    },
    select: { userId: true, session: { select: { id: true, title: true, startsAt: true, endsAt: true } } },
  });
  return rows.map((r) => ({ userId: r.userId, ...r.session }));
}

/**
 * Books a seat. Full session: joins the waitlist when asked to, else reports FULL. Clash with
 * a seat the person holds: reports CLASH, unless they agreed to give that seat up
 * (`replaceSessionIds`), in which case both happen in this one transaction and the freed seat
 * goes to the first in that session's queue.
 *
 * A plain booking is one message (`bookPlain`); a swap: lock the person, lock and read the
 * sessions (with the person's registration, seat, queue entry and overlapping seats), one write,
 * the promotions of the freed seats (server/booking/seats.ts). A refusal or an answer without a
 * write ends the transaction with nothing changed.
 */
export async function bookSession({ db, actor, input }: BookArgs): Promise<BookResult> {
  if (input.replaceSessionIds.length === 0) return bookPlain({ db, actor, input });
  return inSqlTransaction(db, async (tx) => {
    const ids = [input.sessionId, ...input.replaceSessionIds];
    const locked = await lockPersonAndSessions(tx, actor.id, ids, actor.sessionVersion ?? null);
    if (!locked) throw new AppError("UNAUTHORIZED", apiErrorsT("signIn"));
    return inLocaleOf(claimLocale(actor, locked.locale), () => swap(tx, actor, input, locked.sessions));
  });
}

type BookArgs = { db: Db; actor: BookingActor; input: BookInput };

/**
 * The language to answer a claim in: its context knew only the language cookie, so the person's
 * stored choice (read by the lock) speaks. A resolved person's context already has it: null.
 */
const claimLocale = (actor: BookingActor, stored: string | null): string | null =>
  actor.sessionVersion == null ? null : stored;

/** The swap's judgement and writes, on the sessions as locked (`bookSession`). */
async function swap(
  tx: Sql,
  actor: BookingActor,
  input: BookInput,
  locked: Map<string, LockedSession>,
): Promise<BookResult> {
  const session = locked.get(input.sessionId);
  const answer = judge(session, input, new Date());
  if (answer.outcome === "FULL") {
    return { ...answer, waitlistCount: await waitlistCount(tx, answer.sessionId) };
  }
  if (answer.outcome === "WAITLISTED") {
    // The session is locked: nobody else joins or leaves its queue meanwhile.
    return { ...answer, position: await joinWaitlist(tx, actor.id, answer.sessionId) };
  }
  if (answer.outcome !== "TAKE") return answer;
  const replaced = answer.clashes.map(({ id, title }) => ({ id, title }));
  // A swap frees seats that go to their queues in this transaction; a plain booking ends with its write.
  const commit = replaced.length === 0;
  if (!(await takeSeatWithMail(tx, { userId: actor.id, sessionId: answer.sessionId, release: replaced }, { commit }))) {
    throw seatsGone();
  }
  for (const r of replaced) await fillFreedSeats({ tx, sessionId: r.id });
  return { outcome: "BOOKED", sessionId: answer.sessionId, already: false, replaced: replaced.map((r) => r.id) };
}

/** The database refused a seat over capacity (`CHECK bookedCount <= capacity`), on pg or through Prisma. */
function isSeatCheckViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.message === "string" && err.message.includes("ProgrammeSession_bookedCount_check")) return true;
    if (err.code === "23514" && String(err.message ?? "").includes("bookedCount")) return true;
    cur = err.cause;
  }
  return false;
}

const seatsGone = () => new AppError("CONFLICT", bookingErrorsT("justFull"));

/**
 * A booking that gives up no seat, in one message (server/booking/seats.ts `bookInOneMessage`):
 * the database takes the seat or the queue place only where these same rules allow it, and the
 * answer is read from the state it locked, with the same `now`.
 */
async function bookPlain({ db, actor, input }: BookArgs): Promise<BookResult> {
  const now = new Date();
  const once = () =>
    inSqlTransaction(db, (tx) =>
      bookInOneMessage(tx, {
        userId: actor.id,
        sessionId: input.sessionId,
        waitlistIfFull: input.waitlistIfFull,
        now,
        sessionVersion: actor.sessionVersion ?? null,
      }),
    );
  // The seat counter's CHECK is the last guard: when it refuses (a race under load that the message's
  // own judgement missed), nothing was written; the message is sent again on the state now committed,
  // so the person gets «full» or a queue place instead of an error.
  const attempt = await once().catch((e: unknown) => {
    if (!isSeatCheckViolation(e)) throw e;
    return once();
  });
  if (!attempt.person) throw new AppError("UNAUTHORIZED", apiErrorsT("signIn"));
  return inLocaleOf(claimLocale(actor, attempt.locale), () => plainAnswer(attempt, input, now));
}

/** The answer to a plain booking, from what its message found and did. */
function plainAnswer(attempt: BookingAttempt, input: BookInput, now: Date): BookResult {
  const answer = judge(attempt.session ?? undefined, input, now);
  if (answer.outcome === "FULL") return { ...answer, waitlistCount: attempt.queueLength };
  if (answer.outcome === "WAITLISTED") {
    if (attempt.position === 0) throw seatsGone();
    return { ...answer, position: attempt.position };
  }
  if (answer.outcome !== "TAKE") return answer;
  if (!attempt.taken) throw seatsGone();
  return { outcome: "BOOKED", sessionId: answer.sessionId, already: false, replaced: [] };
}

type Judgement =
  | Extract<BookResult, { outcome: "BOOKED" | "CLASH" }>
  | { outcome: "FULL"; sessionId: string }
  | { outcome: "WAITLISTED"; sessionId: string }
  | { outcome: "TAKE"; sessionId: string; clashes: ClashInfo[] };

/**
 * The booking rules on a session as locked, with the person's state in it: refusals (thrown),
 * already booked, full (queue or not), a clash with a seat not agreed to be given up, or take it
 * (giving up `clashes`).
 */
function judge(session: LockedSession | undefined, input: BookInput, now: Date): Judgement {
  if (!session || session.status === "DRAFT") throw notFound(apiErrorsT("noSuchSession"));
  assertMayBook(session.registration);
  const refusal = bookingRefusal(session, bookingWindowState(now, session));
  if (refusal !== "ok") throw new AppError(REFUSALS[refusal].code, REFUSALS[refusal].message());
  if (session.booked) return { outcome: "BOOKED", sessionId: session.id, already: true, replaced: [] };
  if (seatsLeft(session) === 0) {
    return input.waitlistIfFull
      ? { outcome: "WAITLISTED", sessionId: session.id }
      : { outcome: "FULL", sessionId: session.id };
  }
  const clashes = findClashes(session, session.clashes).map(({ id, title, startsAt, endsAt }) => ({
    id,
    title,
    startsAt,
    endsAt,
  }));
  const agreed = new Set(input.replaceSessionIds);
  if (clashes.some((c) => !agreed.has(c.id))) return { outcome: "CLASH", sessionId: session.id, clashes };
  return { outcome: "TAKE", sessionId: session.id, clashes };
}

export type CancelResult = { outcome: "CANCELLED"; sessionId: string; promoted: number };

/** Cancels the person's seat; the first eligible person in the queue gets it in the same transaction. */
export async function cancelBooking({ db, actor, input }: Args<SessionInput>): Promise<CancelResult> {
  return inSqlTransaction(db, async (tx) => {
    const session = await releaseSeatWithMail(tx, actor.id, input.sessionId);
    if (!session) throw notFound(bookingErrorsT("noBooking"));
    const { promoted } = await fillFreedSeats({ tx, sessionId: input.sessionId, locked: session });
    return { outcome: "CANCELLED", sessionId: input.sessionId, promoted: promoted.length };
  });
}

/**
 * Leaves a session's waitlist. Locks the person, then the session, like every seat change: a
 * promotion running for that session at the same moment either finishes first (the person got
 * the seat and `left` is false) or starts after the place is gone; never both.
 */
export async function leaveWaitlist({ db, actor, input }: Args<SessionInput>): Promise<{ left: boolean }> {
  return inSqlTransaction(db, async (tx) => ({ left: await leaveQueue(tx, actor.id, input.sessionId) }));
}

/** Stars or unstars a visible session (no seat; any signed-in person). Idempotent. */
export async function setStar({ db, actor, input }: Args<StarInput>): Promise<{ starred: boolean }> {
  const session = await db.programmeSession.findFirst({
    where: { id: input.sessionId, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: { id: true, isClosed: true },
  });
  if (!session) throw notFound(apiErrorsT("noSuchSession"));
  // A closed session (the August meeting) has its own flow; its hours are not public either.
  if (input.starred && session.isClosed) {
    throw new AppError("CONFLICT", bookingErrorsT("closedFavourite"));
  }
  if (input.starred) {
    await db.favourite.upsert({
      where: { userId_sessionId: { userId: actor.id, sessionId: session.id } },
      create: { userId: actor.id, sessionId: session.id },
      update: {},
    });
  } else {
    await db.favourite.deleteMany({ where: { userId: actor.id, sessionId: session.id } });
  }
  return { starred: input.starred };
}

/** How many people past the free seats are locked at once, for those who will be skipped. */
const PROMOTION_SLACK = 3;
const PROMOTION_BATCH = 25;

/**
 * Gives the session's free seats to its waitlist, in arrival order, inside the caller's
 * transaction (the one that freed the seats: a cancellation, a swap, or the organisers raising
 * the capacity). A person who would clash with a seat they already hold, or whose registration
 * is no longer confirmed, is skipped and keeps their place. Each promoted person gets a mail
 * (queued in the same statement). Nothing happens for cancelled, closed or free-entry sessions.
 *
 * Statements: lock and read the session (unless the caller did), then per batch of the queue:
 * lock those people (none: done), promote.
 */
export async function fillFreedSeats({
  tx: given,
  sessionId,
  locked,
}: {
  /** The caller's transaction: a seat runner, or a Prisma transaction (organiser and account services). */
  tx: Sql | Tx;
  sessionId: string;
  /** The session row, when the caller has just locked and read it (a cancellation). */
  locked?: PromotionSession;
}): Promise<{ promoted: string[] }> {
  const tx = isSql(given) ? given : prismaSql(given);
  const session = locked ?? (await lockForPromotion(tx, sessionId));
  const promoted: string[] = [];
  if (!session || session.status !== "PUBLISHED" || session.isClosed || !session.bookingRequired) return { promoted };
  let free = seatsLeft(session);
  let afterSeq = -1;
  while (free === null || free > 0) {
    const head = await lockQueueHead(
      tx,
      sessionId,
      afterSeq,
      free === null ? PROMOTION_BATCH : Math.min(PROMOTION_BATCH, free + PROMOTION_SLACK),
    );
    if (head.length === 0) break;
    afterSeq = Math.max(...head.map((h) => h.seq));
    const got = await promoteLocked(
      tx,
      session,
      head.map((h) => h.userId),
      free,
    );
    promoted.push(...got);
    if (free !== null) free -= got.length;
  }
  return { promoted };
}
