/**
 * Puts the meeting's mail into the outbox inside the transaction that made the decision, so a
 * message exists exactly when its decision does.
 */
import { env } from "~/server/env";
import { inLocaleOf } from "~/server/i18n/translate";
import { enqueueMail } from "~/server/mail/outbox";
import type { Tx } from "~/server/db/transaction";
import { renderMeetingMail, type MailDetails, type MeetingMailEvent } from "~/server/meeting/mail";

/** What an accredited delegate is told: the meeting's time and room (null when no session is set). */
export async function meetingMailDetails(tx: Tx, editionId: string): Promise<MailDetails | null> {
  const edition = await tx.edition.findUnique({
    where: { id: editionId },
    select: { timeZone: true, meetingSessionId: true },
  });
  if (!edition?.meetingSessionId) return null;
  const session = await tx.programmeSession.findUnique({
    where: { id: edition.meetingSessionId },
    select: { startsAt: true, endsAt: true, room: { select: { name: true, floor: true } } },
  });
  return session ? { ...session, timeZone: edition.timeZone } : null;
}

export async function enqueueMeetingMail(
  tx: Tx,
  p: { editionId: string; userId: string; regionId: number; event: MeetingMailEvent },
): Promise<void> {
  // One statement at a time: the queries of a transaction share its connection.
  const user = await tx.user.findUnique({ where: { id: p.userId }, select: { email: true, locale: true } });
  const registration = await tx.registration.findUnique({
    where: { editionId_userId: { editionId: p.editionId, userId: p.userId } },
    select: { firstName: true, patronymic: true, anonymisedAt: true },
  });
  const region = await tx.region.findUnique({ where: { id: p.regionId }, select: { name: true } });
  if (!user) return;
  const person =
    registration && !registration.anonymisedAt
      ? { firstName: registration.firstName, patronymic: registration.patronymic }
      : { firstName: null, patronymic: null };
  // In the recipient's language, whoever made the decision.
  const rendered = inLocaleOf(user.locale, () =>
    renderMeetingMail({ event: p.event, person, region: region?.name ?? "", appUrl: env.APP_URL.replace(/\/$/, "") }),
  );
  await enqueueMail(tx, { ...rendered, kind: p.event.kind, to: user.email });
}
