/**
 * Frees everything a person holds in the programme when their registration ends:
 * waitlist places and favourites go, and each confirmed seat is released and offered to
 * the first eligible person on that session's waitlist, in the same transaction.
 */
import { fillFreedSeats } from "~/server/booking/service";
import { lockSessions, lockUser } from "~/server/booking/locks";
import type { Prisma } from "~/server/generated/prisma/client";

export async function releaseUserSeats({
  tx,
  userId,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
}): Promise<void> {
  await lockUser(tx, userId);
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
