/**
 * Puts booking mail into the outbox inside the transaction that made the change, so a message
 * exists exactly when its booking, cancellation or promotion does.
 */
import type { Tx } from "~/server/db/transaction";
import { bookingCancelledMail, bookingConfirmedMail, promotedMail } from "~/server/booking/mail";
import { env } from "~/server/env";
import { enqueueMail } from "~/server/mail/outbox";

type BookingMail =
  | { kind: "booking.confirmed"; userId: string; sessionId: string; replaced: { title: string }[] }
  | { kind: "booking.cancelled"; userId: string; sessionId: string }
  | { kind: "booking.promoted"; userId: string; sessionId: string };

export async function enqueueBookingMail(tx: Tx, mail: BookingMail): Promise<void> {
  const [user, session] = await Promise.all([
    tx.user.findUnique({ where: { id: mail.userId }, select: { email: true } }),
    tx.programmeSession.findUnique({
      where: { id: mail.sessionId },
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        editionId: true,
        room: { select: { name: true, floor: true } },
        edition: { select: { timeZone: true } },
      },
    }),
  ]);
  if (!user || !session) return;
  const registration = await tx.registration.findUnique({
    where: { editionId_userId: { editionId: session.editionId, userId: mail.userId } },
    select: { firstName: true, patronymic: true, anonymisedAt: true },
  });
  const person =
    registration && !registration.anonymisedAt
      ? { firstName: registration.firstName, patronymic: registration.patronymic }
      : { firstName: null, patronymic: null };
  const common = { session, person, timeZone: session.edition.timeZone, appUrl: env.APP_URL.replace(/\/$/, "") };
  const rendered =
    mail.kind === "booking.confirmed"
      ? bookingConfirmedMail({ ...common, replaced: mail.replaced })
      : mail.kind === "booking.cancelled"
        ? bookingCancelledMail(common)
        : promotedMail(common);
  await enqueueMail(tx, { ...rendered, kind: mail.kind, to: user.email });
}
