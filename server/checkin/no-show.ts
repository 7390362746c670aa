/**
 * No-show release: for a session with the option on, a set number of minutes after its start,
 * the seats of booked people who were not scanned at its door go to the waitlist (booking's own
 * promotion path, server/booking) and to walk-ins at the door (a freed seat not taken from the
 * queue is a seat the door may give). Each session is released once (`noShowReleasedAt`, set
 * conditionally), by whichever app instance's worker gets there first.
 */
import { recordAudit } from "~/server/audit/log";
import type { SessionUser } from "~/server/auth/roles";
import { fillFreedSeats } from "~/server/booking/service";
import { lockForPromotion, releaseSeatWithMail } from "~/server/booking/seats";
import type { Db } from "~/server/db/client";
import { lockUsers } from "~/server/db/locks";
import { prismaSql } from "~/server/db/sql";
import { inTransaction } from "~/server/db/transaction";
import { AppError } from "~/server/errors";
import { type Prisma } from "~/server/generated/prisma/client";
import { serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("checkin", "checkinErrors");

/** The mail kind a released person gets (rendered by server/booking/notify.ts). */
export const NO_SHOW_MAIL_KIND = "booking.noShowReleased";

/** Sessions whose release time has come and that have not been released. */
async function dueSessions(db: Db, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ProgrammeSession"
    WHERE "status" = 'PUBLISHED' AND "bookingRequired" AND NOT "isClosed"
      AND "noShowReleaseMinutes" IS NOT NULL AND "noShowReleasedAt" IS NULL
      AND "startsAt" + make_interval(mins => "noShowReleaseMinutes") <= ${now}
      AND "endsAt" > ${now}
    ORDER BY "startsAt", "id"
    LIMIT 50`;
  return rows.map((r) => r.id);
}

/** Booked people of a session with no admission (not undone) at its door. */
async function noShows(db: Db | Prisma.TransactionClient, sessionId: string): Promise<string[]> {
  const door = `session:${sessionId}`;
  const rows = await db.$queryRaw<{ userId: string }[]>`
    SELECT b."userId" FROM "Booking" b
    WHERE b."sessionId" = ${sessionId}
      AND NOT EXISTS (
        SELECT 1 FROM "CheckIn" c JOIN "Ticket" t ON t."id" = c."ticketId"
        JOIN "Registration" r ON r."id" = t."registrationId"
        WHERE c."door" = ${door} AND c."undoneAt" IS NULL AND r."userId" = b."userId")`;
  return rows.map((r) => r.userId);
}

/** Releases one session's no-show seats; returns who lost a seat and who got one, or null if done already. */
export async function releaseSession(db: Db, sessionId: string, now: Date) {
  return inTransaction(db, async (tx) => {
    const candidates = await noShows(tx, sessionId);
    // The lock order of server/db/locks.ts: the people, then the session.
    await lockUsers(tx, candidates);
    const session = await lockForPromotion(prismaSql(tx), sessionId);
    if (!session) return null;
    const claimed = await tx.programmeSession.updateMany({
      where: { id: sessionId, noShowReleasedAt: null },
      data: { noShowReleasedAt: now },
    });
    if (claimed.count === 0) return null;
    // Someone may have been scanned (or have cancelled) between the first read and the locks.
    const still = new Set(await noShows(tx, sessionId));
    const released: string[] = [];
    for (const userId of candidates.filter((u) => still.has(u))) {
      if (await releaseSeatWithMail(prismaSql(tx), userId, sessionId)) {
        released.push(userId);
        // The seat write queues a «cancelled» message; this one says why.
        await tx.$executeRaw`
          UPDATE "OutboxMessage" SET "kind" = ${NO_SHOW_MAIL_KIND}
          WHERE "kind" = 'booking.cancelled' AND "renderedAt" IS NULL
            AND "payload" = ${JSON.stringify({ userId, sessionId })}::jsonb`;
      }
    }
    const { promoted } = released.length > 0 ? await fillFreedSeats({ tx, sessionId }) : { promoted: [] };
    return { sessionId, released, promoted };
  });
}

/** One run of the release over every due session (the mail worker calls it about once a minute). */
export async function releaseNoShows({ db, now = new Date() }: { db: Db; now?: Date }) {
  const results = [];
  for (const id of await dueSessions(db, now)) {
    const r = await releaseSession(db, id, now);
    if (r) results.push(r);
  }
  return results;
}

/** Organisers turn the release on (minutes after the start) or off, per session (audited). */
export async function setNoShowRelease({
  db,
  actor,
  sessionId,
  minutes,
}: {
  db: Db;
  actor: SessionUser;
  sessionId: string;
  minutes: number | null;
}) {
  return inTransaction(db, async (tx) => {
    const before = await tx.programmeSession.findUnique({
      where: { id: sessionId },
      select: { id: true, noShowReleaseMinutes: true, bookingRequired: true },
    });
    if (!before) throw new AppError("NOT_FOUND", errorsT("sessionNotFound"));
    if (minutes !== null && !before.bookingRequired) throw new AppError("BAD_REQUEST", errorsT("noBookingNoRelease"));
    await tx.programmeSession.update({
      where: { id: sessionId },
      // A new setting may run again (e.g. turned on after an early mistaken run).
      data: { noShowReleaseMinutes: minutes, noShowReleasedAt: null },
    });
    await recordAudit(tx, {
      actor,
      action: "session.noShowRelease",
      entity: "ProgrammeSession",
      entityId: sessionId,
      before: { noShowReleaseMinutes: before.noShowReleaseMinutes },
      after: { noShowReleaseMinutes: minutes },
    });
    return { sessionId, minutes };
  });
}
