/**
 * Booking writes: book (with waitlist and swap), cancel, leave a waitlist, star, and the
 * promotion of waitlisted people when seats free up. Every write is one transaction that
 * locks the person's row, then the session rows (in id order); the seat counter moves only
 * together with the Booking rows, under that lock, with a conditional update as a second guard
 * and a CHECK constraint as the last.
 */
import type { SessionUser } from "~/server/auth/roles";
import {
  bookingRefusal,
  bookingWindowState,
  choosePromotions,
  findClashes,
  seatsLeft,
  type Refusal,
} from "~/server/booking/rules";
import type { BookInput, SessionInput, StarInput } from "~/server/booking/schema";
import { enqueueBookingMail } from "~/server/booking/notify";
import { lockSessions, lockUser, lockUsers } from "~/server/db/locks";
import { inTransaction, type Tx } from "~/server/db/transaction";
import type { Db } from "~/server/db/client";
import { AppError, notFound } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";

type Args<I> = { db: Db; actor: SessionUser; input: I };

export type ClashInfo = { id: string; title: string; startsAt: Date; endsAt: Date };

export type BookResult =
  | { outcome: "BOOKED"; sessionId: string; already: boolean; replaced: string[] }
  | { outcome: "WAITLISTED"; sessionId: string; position: number }
  | { outcome: "FULL"; sessionId: string; waitlistCount: number }
  | { outcome: "CLASH"; sessionId: string; clashes: ClashInfo[] };

const lockedSessionSelect = {
  id: true,
  editionId: true,
  title: true,
  status: true,
  isClosed: true,
  bookingRequired: true,
  capacity: true,
  bookedCount: true,
  startsAt: true,
  endsAt: true,
  edition: { select: { bookingOpensAt: true, bookingClosesAt: true } },
} satisfies Prisma.ProgrammeSessionSelect;

const REFUSALS: Record<Refusal, { code: "NOT_FOUND" | "CONFLICT"; message: string }> = {
  draft: { code: "NOT_FOUND", message: "Такого мероприятия в программе нет." },
  cancelled: { code: "CONFLICT", message: "Мероприятие отменено организаторами: записаться на него нельзя." },
  closed: {
    code: "CONFLICT",
    message:
      "Это закрытое мероприятие: участие по приглашению и аккредитации организаторов, запись на сайте не ведётся.",
  },
  freeEntry: {
    code: "CONFLICT",
    message: "На это мероприятие вход свободный, записываться не нужно. Добавьте его в избранное, чтобы не забыть.",
  },
  notOpenYet: { code: "CONFLICT", message: "Запись на мероприятия ещё не открылась." },
  windowClosed: { code: "CONFLICT", message: "Запись на мероприятия закрыта." },
};

/** A confirmed registration for the edition is what allows booking. */
async function assertMayBook(tx: Tx, userId: string, editionId: string): Promise<void> {
  const reg = await tx.registration.findUnique({
    where: { editionId_userId: { editionId, userId } },
    select: { status: true },
  });
  if (!reg || reg.status === "CANCELLED") {
    throw new AppError(
      "FORBIDDEN",
      "Записываться на мероприятия могут только зарегистрированные участники форума. Сначала зарегистрируйтесь.",
    );
  }
  if (reg.status !== "CONFIRMED") {
    throw new AppError(
      "FORBIDDEN",
      "Ваша регистрация ещё не подтверждена. Подтвердите адрес электронной почты по ссылке из письма — после этого можно записываться.",
    );
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

async function waitlistPositionOf(tx: Tx, sessionId: string, seq: number): Promise<number> {
  return tx.waitlistEntry.count({ where: { sessionId, seq: { lte: seq } } });
}

/** Removes one confirmed seat and moves the counter with it; false when there was none. */
async function releaseSeat(tx: Tx, sessionId: string, userId: string): Promise<boolean> {
  const { count } = await tx.booking.deleteMany({ where: { sessionId, userId } });
  if (count === 0) return false;
  await tx.programmeSession.update({ where: { id: sessionId }, data: { bookedCount: { decrement: 1 } } });
  return true;
}

/** Takes one seat: the counter only moves while below capacity (the row is locked as well). */
async function takeSeat(tx: Tx, session: { id: string; capacity: number | null }, userId: string): Promise<boolean> {
  const where: Prisma.ProgrammeSessionWhereInput =
    session.capacity === null ? { id: session.id } : { id: session.id, bookedCount: { lt: session.capacity } };
  const { count } = await tx.programmeSession.updateMany({ where, data: { bookedCount: { increment: 1 } } });
  if (count === 0) return false;
  await tx.booking.create({ data: { sessionId: session.id, userId } });
  await tx.waitlistEntry.deleteMany({ where: { sessionId: session.id, userId } });
  return true;
}

/**
 * Books a seat. Full session: joins the waitlist when asked to, else reports FULL. Clash with
 * a seat the person holds: reports CLASH, unless they agreed to give that seat up
 * (`replaceSessionIds`), in which case both happen in this one transaction and the freed seat
 * goes to the first in that session's queue.
 */
export async function bookSession({ db, actor, input }: Args<BookInput>): Promise<BookResult> {
  return inTransaction(db, async (tx) => {
    if (!(await lockUser(tx, actor.id))) throw new AppError("UNAUTHORIZED", "Войдите на сайт, чтобы продолжить.");
    await lockSessions(tx, [input.sessionId, ...input.replaceSessionIds]);
    const session = await tx.programmeSession.findUnique({
      where: { id: input.sessionId },
      select: lockedSessionSelect,
    });
    if (!session || session.status === "DRAFT") throw notFound("Такого мероприятия в программе нет.");
    await assertMayBook(tx, actor.id, session.editionId);
    const refusal = bookingRefusal(session, bookingWindowState(new Date(), session.edition));
    if (refusal !== "ok") throw new AppError(REFUSALS[refusal].code, REFUSALS[refusal].message);

    const existing = await tx.booking.findUnique({
      where: { sessionId_userId: { sessionId: session.id, userId: actor.id } },
      select: { id: true },
    });
    if (existing) return { outcome: "BOOKED", sessionId: session.id, already: true, replaced: [] };

    if (seatsLeft(session) === 0) {
      if (!input.waitlistIfFull) {
        const waitlistCount = await tx.waitlistEntry.count({ where: { sessionId: session.id } });
        return { outcome: "FULL", sessionId: session.id, waitlistCount };
      }
      const entry =
        (await tx.waitlistEntry.findUnique({
          where: { sessionId_userId: { sessionId: session.id, userId: actor.id } },
          select: { seq: true },
        })) ??
        (await tx.waitlistEntry.create({ data: { sessionId: session.id, userId: actor.id }, select: { seq: true } }));
      return {
        outcome: "WAITLISTED",
        sessionId: session.id,
        position: await waitlistPositionOf(tx, session.id, entry.seq),
      };
    }

    const clashes = findClashes(session, await heldOverlapping(tx, [actor.id], session));
    const agreed = new Set(input.replaceSessionIds);
    if (clashes.some((c) => !agreed.has(c.id))) {
      return {
        outcome: "CLASH",
        sessionId: session.id,
        clashes: clashes.map(({ id, title, startsAt, endsAt }) => ({ id, title, startsAt, endsAt })),
      };
    }

    const replaced: { id: string; title: string }[] = [];
    for (const c of clashes) {
      if (await releaseSeat(tx, c.id, actor.id)) replaced.push({ id: c.id, title: c.title });
    }
    if (!(await takeSeat(tx, session, actor.id))) {
      throw new AppError("CONFLICT", "Места на это мероприятие только что закончились.");
    }
    await enqueueBookingMail(tx, { kind: "booking.confirmed", userId: actor.id, sessionId: session.id, replaced });
    for (const r of replaced) await fillFreedSeats({ tx, sessionId: r.id });
    return { outcome: "BOOKED", sessionId: session.id, already: false, replaced: replaced.map((r) => r.id) };
  });
}

export type CancelResult = { outcome: "CANCELLED"; sessionId: string; promoted: number };

/** Cancels the person's seat; the first eligible person in the queue gets it in the same transaction. */
export async function cancelBooking({ db, actor, input }: Args<SessionInput>): Promise<CancelResult> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    await lockSessions(tx, [input.sessionId]);
    if (!(await releaseSeat(tx, input.sessionId, actor.id))) {
      throw notFound("У вас нет записи на это мероприятие: возможно, она уже отменена.");
    }
    await enqueueBookingMail(tx, { kind: "booking.cancelled", userId: actor.id, sessionId: input.sessionId });
    const { promoted } = await fillFreedSeats({ tx, sessionId: input.sessionId });
    return { outcome: "CANCELLED", sessionId: input.sessionId, promoted: promoted.length };
  });
}

/**
 * Leaves a session's waitlist. Locks the person, then the session, like every seat change: a
 * promotion running for that session at the same moment either finishes first (the person got
 * the seat and `left` is false) or starts after the place is gone; never both.
 */
export async function leaveWaitlist({ db, actor, input }: Args<SessionInput>): Promise<{ left: boolean }> {
  return inTransaction(db, async (tx) => {
    await lockUser(tx, actor.id);
    await lockSessions(tx, [input.sessionId]);
    const { count } = await tx.waitlistEntry.deleteMany({ where: { sessionId: input.sessionId, userId: actor.id } });
    return { left: count > 0 };
  });
}

/** Stars or unstars a visible session (no seat; any signed-in person). Idempotent. */
export async function setStar({ db, actor, input }: Args<StarInput>): Promise<{ starred: boolean }> {
  const session = await db.programmeSession.findFirst({
    where: { id: input.sessionId, status: { in: ["PUBLISHED", "CANCELLED"] } },
    select: { id: true, isClosed: true },
  });
  if (!session) throw notFound("Такого мероприятия в программе нет.");
  // A closed session (the August meeting) has its own flow; its hours are not public either.
  if (input.starred && session.isClosed) {
    throw new AppError("CONFLICT", "Закрытое мероприятие нельзя добавить в избранное: участие — по аккредитации.");
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

const PROMOTION_BATCH = 25;

/**
 * Gives the session's free seats to its waitlist, in arrival order, inside the caller's
 * transaction (the one that freed the seats: a cancellation, a swap, or the organisers raising
 * the capacity). A person who would clash with a seat they already hold, or whose registration
 * is no longer confirmed, is skipped and keeps their place. Each promoted person is told by mail
 * in the same transaction. Nothing happens for cancelled, closed or free-entry sessions.
 */
export async function fillFreedSeats({
  tx,
  sessionId,
}: {
  tx: Tx;
  sessionId: string;
}): Promise<{ promoted: string[] }> {
  await lockSessions(tx, [sessionId]);
  const session = await tx.programmeSession.findUnique({ where: { id: sessionId }, select: lockedSessionSelect });
  const promoted: string[] = [];
  if (!session || session.status !== "PUBLISHED" || session.isClosed || !session.bookingRequired) return { promoted };
  let free = seatsLeft(session);
  let afterSeq = -1;
  while (free === null || free > 0) {
    const batch = await tx.waitlistEntry.findMany({
      where: { sessionId, seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: free === null ? PROMOTION_BATCH : Math.min(PROMOTION_BATCH, free + 3),
      select: { seq: true, userId: true },
    });
    if (batch.length === 0) break;
    afterSeq = batch.at(-1)!.seq;
    const userIds = batch.map((b) => b.userId);
    // Lock the candidates so their own concurrent bookings cannot slip in a clash.
    await lockUsers(tx, userIds);
    const [held, confirmed] = await Promise.all([
      heldOverlapping(tx, userIds, session),
      tx.registration.findMany({
        where: { editionId: session.editionId, userId: { in: userIds }, status: "CONFIRMED" },
        select: { userId: true },
      }),
    ]);
    const eligible = new Set(confirmed.map((r) => r.userId));
    const decision = choosePromotions(
      session,
      batch.map((b) => ({ ...b, eligible: eligible.has(b.userId), held: held.filter((h) => h.userId === b.userId) })),
      free,
    );
    for (const userId of decision.promote) {
      // The place must still be there under the candidate's lock: whoever left is not promoted.
      const { count: stillWaiting } = await tx.waitlistEntry.deleteMany({ where: { sessionId, userId } });
      if (stillWaiting !== 1) continue;
      if (!(await takeSeat(tx, session, userId))) throw new Error("A free seat vanished under the session lock");
      promoted.push(userId);
      await enqueueBookingMail(tx, { kind: "booking.promoted", userId, sessionId });
      if (free !== null) free -= 1;
    }
  }
  return { promoted };
}
