/**
 * Booking mail is queued without its text: the seat change writes an outbox row with kind,
 * recipient and payload (server/booking/seats.ts) so that the session stays locked only for the
 * seat itself. `renderPendingMail` writes subject and bodies afterwards; the mail worker calls it
 * on every run (with or without SMTP) and the development mail viewer before it lists. Delivery
 * never takes a row that is not rendered yet.
 */
import { z } from "zod";
import { bookingCancelledMail, bookingConfirmedMail, noShowReleasedMail, promotedMail } from "~/server/booking/mail";
import type { Db } from "~/server/db/client";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { env } from "~/server/env";
import { inLocaleOf } from "~/server/i18n/translate";
import type { RenderedMail } from "~/server/mail/layout";

const payloadSchema = z.object({
  userId: z.string(),
  sessionId: z.string(),
  replaced: z.array(z.object({ title: z.string() })).default([]),
});

const BOOKING_KINDS = ["booking.confirmed", "booking.cancelled", "booking.promoted", "booking.noShowReleased"] as const;
type BookingKind = (typeof BOOKING_KINDS)[number];
const isBookingKind = (kind: string): kind is BookingKind => (BOOKING_KINDS as readonly string[]).includes(kind);

const mailSessionSelect = {
  id: true,
  title: true,
  startsAt: true,
  endsAt: true,
  editionId: true,
  noShowReleaseMinutes: true,
  room: { select: { name: true, floor: true } },
  edition: { select: { timeZone: true } },
} as const;

type Pending = { id: string; kind: BookingKind; payload: z.infer<typeof payloadSchema> };

/**
 * The texts of a batch of booking messages, from the data as it is now, in three queries
 * whatever the batch's size. A message whose session is gone (or whose payload is unreadable)
 * gets null.
 */
async function renderBookingMail(db: Db | Tx, rows: Pending[]): Promise<Map<string, RenderedMail | null>> {
  const sessionIds = [...new Set(rows.map((r) => r.payload.sessionId))];
  const sessions = new Map(
    (await db.programmeSession.findMany({ where: { id: { in: sessionIds } }, select: mailSessionSelect })).map((s) => [
      s.id,
      s,
    ]),
  );
  const registrations = await db.registration.findMany({
    where: {
      userId: { in: [...new Set(rows.map((r) => r.payload.userId))] },
      editionId: { in: [...new Set([...sessions.values()].map((s) => s.editionId))] },
    },
    select: {
      userId: true,
      editionId: true,
      firstName: true,
      patronymic: true,
      anonymisedAt: true,
      user: { select: { locale: true } },
    },
  });
  const byPerson = new Map(registrations.map((r) => [`${r.userId} ${r.editionId}`, r]));
  const registrationOf = (userId: string, editionId: string) => byPerson.get(`${userId} ${editionId}`);
  const appUrl = env.APP_URL.replace(/\/$/, "");
  const out = new Map<string, RenderedMail | null>();
  for (const { id, kind, payload } of rows) {
    const session = sessions.get(payload.sessionId);
    if (!session) {
      out.set(id, null);
      continue;
    }
    const registration = registrationOf(payload.userId, session.editionId);
    const person =
      registration && !registration.anonymisedAt
        ? { firstName: registration.firstName, patronymic: registration.patronymic }
        : { firstName: null, patronymic: null };
    const common = { session, person, timeZone: session.edition.timeZone, appUrl };
    // Rendered in the recipient's language (the worker has no request of theirs).
    out.set(
      id,
      inLocaleOf(registration?.user.locale, () =>
        kind === "booking.confirmed"
          ? bookingConfirmedMail({ ...common, replaced: payload.replaced })
          : kind === "booking.cancelled"
            ? bookingCancelledMail(common)
            : kind === "booking.noShowReleased"
              ? noShowReleasedMail(common)
              : promotedMail(common),
      ),
    );
  }
  return out;
}

/**
 * Renders up to `limit` queued messages that have no text yet, oldest first, in one transaction
 * that claims them (`FOR UPDATE SKIP LOCKED`): the workers of several processes or instances
 * render different rows instead of the same ones twice. A row whose subject no longer exists (the
 * session was deleted) is marked failed, never sent. Two statements write the whole batch.
 * Returns how many rows were rendered.
 */
export async function renderPendingMail({ db, limit = 200 }: { db: Db; limit?: number }): Promise<number> {
  return inTransaction(db, async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; kind: string; payload: unknown }[]>`
      SELECT "id", "kind", "payload" FROM "OutboxMessage"
      WHERE "renderedAt" IS NULL AND "status" = 'PENDING'
      ORDER BY "createdAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return 0;
    const readable: Pending[] = [];
    for (const row of rows) {
      const payload = payloadSchema.safeParse(row.payload);
      if (isBookingKind(row.kind) && payload.success)
        readable.push({ id: row.id, kind: row.kind, payload: payload.data });
    }
    const texts = readable.length > 0 ? await renderBookingMail(tx, readable) : new Map<string, RenderedMail | null>();
    const done = rows.flatMap((r) => {
      const mail = texts.get(r.id);
      return mail ? [{ id: r.id, mail }] : [];
    });
    const failed = rows.filter((r) => !texts.get(r.id)).map((r) => r.id);
    if (failed.length > 0) {
      await tx.outboxMessage.updateMany({
        where: { id: { in: failed }, renderedAt: null },
        data: { status: "FAILED", lastError: "Nothing to render: the message's subject no longer exists" },
      });
    }
    if (done.length === 0) return 0;
    return tx.$executeRaw`
      UPDATE "OutboxMessage" o
      SET "subject" = v.subject, "text" = v.text, "html" = v.html, "renderedAt" = now()
      FROM unnest(${done.map((d) => d.id)}::text[], ${done.map((d) => d.mail.subject)}::text[],
                  ${done.map((d) => d.mail.text)}::text[], ${done.map((d) => d.mail.html)}::text[])
           AS v(id, subject, text, html)
      WHERE o."id" = v.id AND o."renderedAt" IS NULL`;
  });
}
