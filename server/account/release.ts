/**
 * Frees everything a person holds when their registration ends: their August-meeting
 * application is withdrawn (its seat goes to the region's reserve), waitlist places and
 * favourites go, and each confirmed seat is released and offered to the first eligible
 * person on that session's waitlist, all in the caller's transaction. Returns the seats and the
 * queue places it freed (as they were), for the mail that tells the person.
 */
import { fillFreedSeats } from "~/server/booking/service";
import { lockSessions, lockUser } from "~/server/db/locks";
import type { SessionUser } from "~/server/auth/roles";
import type { Prisma } from "~/server/generated/prisma/client";
import type { MailSession } from "~/server/booking/mail";
import { withdrawOnRegistrationEnd } from "~/server/meeting/service";

export async function releaseUserSeats({
  tx,
  actor,
}: {
  tx: Prisma.TransactionClient;
  actor: SessionUser;
}): Promise<ReleasedPlaces> {
  const userId = actor.id;
  // The lock order of server/db/locks.ts: the person, then their region, then the sessions.
  await lockUser(tx, userId);
  await withdrawOnRegistrationEnd(tx, actor);
  const queued = await tx.waitlistEntry.findMany({ where: { userId }, select: { session: { select: placeSelect } } });
  await tx.waitlistEntry.deleteMany({ where: { userId } });
  await tx.favourite.deleteMany({ where: { userId } });
  const bookings = await tx.booking.findMany({
    where: { userId },
    select: { id: true, sessionId: true, session: { select: placeSelect } },
  });
  await lockSessions(
    tx,
    bookings.map((b) => b.sessionId),
  );
  for (const b of bookings) {
    await tx.booking.delete({ where: { id: b.id } });
    await tx.programmeSession.update({ where: { id: b.sessionId }, data: { bookedCount: { decrement: 1 } } });
  }
  for (const b of bookings) await fillFreedSeats({ tx, sessionId: b.sessionId });
  return { seats: inTimeOrder(bookings.map((b) => b.session)), waitlist: inTimeOrder(queued.map((q) => q.session)) };
}

const placeSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  room: { select: { name: true, floor: true } },
} satisfies Prisma.ProgrammeSessionSelect;

/** What a person held when their registration ended, each list in time order. */
export type ReleasedPlaces = { seats: MailSession[]; waitlist: MailSession[] };

const inTimeOrder = (sessions: MailSession[]): MailSession[] =>
  [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
