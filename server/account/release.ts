/**
 * Frees everything a person holds when their registration ends: their August-meeting
 * application is withdrawn (its seat goes to the region's reserve), waitlist places and
 * favourites go, and each confirmed seat is released and offered to the first eligible
 * person on that session's waitlist, all in the caller's transaction.
 */
import { fillFreedSeats } from "~/server/booking/service";
import { lockSessions, lockUser } from "~/server/db/locks";
import type { SessionUser } from "~/server/auth/roles";
import type { Prisma } from "~/server/generated/prisma/client";
import { withdrawOnRegistrationEnd } from "~/server/meeting/service";

export async function releaseUserSeats({
  tx,
  actor,
}: {
  tx: Prisma.TransactionClient;
  actor: SessionUser;
}): Promise<void> {
  const userId = actor.id;
  // The lock order of server/db/locks.ts: the person, then their region, then the sessions.
  await lockUser(tx, userId);
  await withdrawOnRegistrationEnd(tx, actor);
  await tx.waitlistEntry.deleteMany({ where: { userId } });
  await tx.favourite.deleteMany({ where: { userId } });
  const bookings = await tx.booking.findMany({ where: { userId }, select: { id: true, sessionId: true } });
  await lockSessions(
    tx,
    bookings.map((b) => b.sessionId),
  );
  for (const b of bookings) {
    await tx.booking.delete({ where: { id: b.id } });
    await tx.programmeSession.update({ where: { id: b.sessionId }, data: { bookedCount: { decrement: 1 } } });
  }
  for (const b of bookings) await fillFreedSeats({ tx, sessionId: b.sessionId });
}
