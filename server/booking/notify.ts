/**
 * Booking mail is queued without its text: the seat change writes an outbox row with kind,
 * recipient and payload (server/booking/seats.ts) so that the session stays locked only for the
 * seat itself. `renderPendingMail` writes subject and bodies afterwards; the mail worker calls it
 * on every run (with or without SMTP) and the development mail viewer before it lists. Delivery
 * never takes a row that is not rendered yet.
 */
import { z } from "zod";
import { bookingCancelledMail, bookingConfirmedMail, promotedMail } from "~/server/booking/mail";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import type { RenderedMail } from "~/server/mail/layout";

const payloadSchema = z.object({
  userId: z.string(),
  sessionId: z.string(),
  replaced: z.array(z.object({ title: z.string() })).default([]),
});

const BOOKING_KINDS = ["booking.confirmed", "booking.cancelled", "booking.promoted"] as const;
type BookingKind = (typeof BOOKING_KINDS)[number];
const isBookingKind = (kind: string): kind is BookingKind => (BOOKING_KINDS as readonly string[]).includes(kind);

/** The text of one booking message, from the data as it is now; null when its subject is gone. */
async function renderBookingMail(db: Db, kind: BookingKind, raw: unknown): Promise<RenderedMail | null> {
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { userId, sessionId, replaced } = parsed.data;
  const session = await db.programmeSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      editionId: true,
      room: { select: { name: true, floor: true } },
      edition: { select: { timeZone: true } },
    },
  });
  if (!session) return null;
  const registration = await db.registration.findUnique({
    where: { editionId_userId: { editionId: session.editionId, userId } },
    select: { firstName: true, patronymic: true, anonymisedAt: true },
  });
  const person =
    registration && !registration.anonymisedAt
      ? { firstName: registration.firstName, patronymic: registration.patronymic }
      : { firstName: null, patronymic: null };
  const common = { session, person, timeZone: session.edition.timeZone, appUrl: env.APP_URL.replace(/\/$/, "") };
  if (kind === "booking.confirmed") return bookingConfirmedMail({ ...common, replaced });
  if (kind === "booking.cancelled") return bookingCancelledMail(common);
  return promotedMail(common);
}

/**
 * Renders up to `limit` queued messages that have no text yet, oldest first. Safe to run from
 * several instances at once: a row is written only while it is still unrendered, and two
 * renderings of one row are the same text. A row whose subject no longer exists (the session
 * was deleted) is marked failed, never sent. Returns how many rows were rendered.
 */
export async function renderPendingMail({ db, limit = 200 }: { db: Db; limit?: number }): Promise<number> {
  const rows = await db.outboxMessage.findMany({
    where: { renderedAt: null, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, kind: true, payload: true },
  });
  let rendered = 0;
  for (const row of rows) {
    const mail = isBookingKind(row.kind) ? await renderBookingMail(db, row.kind, row.payload) : null;
    const { count } = await db.outboxMessage.updateMany({
      where: { id: row.id, renderedAt: null },
      data: mail
        ? { subject: mail.subject, text: mail.text, html: mail.html, renderedAt: new Date() }
        : { status: "FAILED", lastError: "Nothing to render: the message's subject no longer exists" },
    });
    if (mail) rendered += count;
  }
  return rendered;
}
