/**
 * Frees everything a person holds in the programme when their registration ends:
 * confirmed seats (the counter goes down with each), waitlist places and favourites.
 */
import type { Prisma } from "~/server/generated/prisma/client";

export async function releaseUserSeats({ tx, userId }: { tx: Prisma.TransactionClient; userId: string }): Promise<void> {
  const bookings = await tx.booking.findMany({ where: { userId }, select: { id: true, sessionId: true } });
  for (const b of bookings) {
    await tx.booking.delete({ where: { id: b.id } });
    await tx.programmeSession.update({ where: { id: b.sessionId }, data: { bookedCount: { decrement: 1 } } });
  }
  await tx.waitlistEntry.deleteMany({ where: { userId } });
  await tx.favourite.deleteMany({ where: { userId } });
}
