/**
 * The SQL of a seat change, through the seat runner (server/db/sql.ts: on PostgreSQL the
 * statements of a step go in one message). A plain booking, or joining the queue, is one message
 * of five statements: BEGIN, lock the person, one statement that locks the session, reads it
 * with the person's state and writes what the rules allow, the queue place, COMMIT — no row
 * stays locked while the app waits (`bookInOneMessage`). A swap (giving up overlapping seats)
 * reads first and writes second, then promotes from the freed seats' queues. A cancellation
 * that promotes from the waitlist is six statements: BEGIN, lock the person, the cancellation
 * write, then lock the queue's head, promote, COMMIT. Each write moves the seat counter, the
 * Booking and WaitlistEntry rows and the outbox row together in one statement. The database
 * keeps the invariants: the conditional counter update, the unique (session, user) keys and the
 * CHECK (bookedCount <= capacity).
 *
 * Mail is not rendered here: the outbox row carries kind, recipient and payload, and the mail
 * worker renders it (server/booking/notify.ts) after the lock is gone.
 */
import { randomUUID } from "node:crypto";
import { rows, sql, type Sql, type Statement } from "~/server/db/sql";

/** A session row as promotion needs it, read under its lock. */
export type PromotionSession = {
  id: string;
  editionId: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  isClosed: boolean;
  bookingRequired: boolean;
  capacity: number | null;
  bookedCount: number;
  startsAt: Date;
  endsAt: Date;
};

/** A session row as a booking needs it, with the acting person's state in it. */
export type LockedSession = PromotionSession & {
  title: string;
  bookingOpensAt: Date | null;
  bookingClosesAt: Date | null;
  /** The acting person's state in this session: registration for its edition, seat, queue entry. */
  registration: "PENDING" | "CONFIRMED" | "CANCELLED" | null;
  booked: boolean;
  waitSeq: number | null;
  /** The person's other published seats overlapping this session, in time order. */
  clashes: { id: string; title: string; startsAt: Date; endsAt: Date }[];
};

/** Ids for rows whose Prisma default (cuid) is made client-side; any unique text is valid. */
export const newId = (): string => randomUUID();

/**
 * 1. Serialises every seat change of one person (server/db/locks.ts: the lock order). With a
 * `sessionVersion` (a session cookie's claim that nobody read from the database yet: server/api/trpc.ts
 * `claimedParticipantProcedure`) only a person whose sessions still have that version is locked:
 * a changed password or a deleted account finds no row, and the caller changes nothing.
 */
const lockUserStatement = (userId: string, sessionVersion: number | null = null): Statement =>
  sql`SELECT "id", "locale" FROM "User" WHERE "id" = ${userId}
      AND (${sessionVersion}::int IS NULL OR "sessionVersion" = ${sessionVersion}) FOR UPDATE`;

type RawClash = { id: string; title: string; startsAt: number; endsAt: number };

/**
 * 1 and 2. Locks the person, then the sessions (id order), and reads the sessions with the
 * person's state in each: seat, waitlist entry, and the seats they hold elsewhere that overlap
 * it, and the person's stored language. Null when there is no such person (or, with
 * `sessionVersion`, none whose sessions still have it).
 *
 * The second statement starts after the first has the person's lock. A statement that waited for
 * a row lock returns the row as committed by the previous holder, but its subqueries see the data
 * as of the statement's start. That is enough for the person's own rows (registration, seats,
 * queue entry: whoever changes them locks the User row first); other people's queue entries are
 * counted by the next statement.
 */
export async function lockPersonAndSessions(
  db: Sql,
  userId: string,
  sessionIds: readonly string[],
  sessionVersion: number | null = null,
): Promise<{ locale: string | null; sessions: Map<string, LockedSession> } | null> {
  const ids = [...new Set(sessionIds)].sort();
  const [user, sessions] = await db.batch([
    lockUserStatement(userId, sessionVersion),
    sql`
    SELECT s."id", s."editionId", s."title", s."status"::text AS status, s."isClosed", s."bookingRequired",
           s."capacity", s."bookedCount", s."startsAt", s."endsAt",
           e."bookingOpensAt", e."bookingClosesAt",
           (SELECT r."status"::text FROM "Registration" r
            WHERE r."userId" = ${userId} AND r."editionId" = s."editionId") AS registration,
           EXISTS (SELECT 1 FROM "Booking" b WHERE b."sessionId" = s."id" AND b."userId" = ${userId}) AS booked,
           w.seq AS "waitSeq",
           (SELECT json_agg(json_build_object('id', o."id", 'title', o."title",
                              'startsAt', floor(extract(epoch FROM o."startsAt") * 1000),
                              'endsAt', floor(extract(epoch FROM o."endsAt") * 1000))
                            ORDER BY o."startsAt")
            FROM "Booking" b JOIN "ProgrammeSession" o ON o."id" = b."sessionId"
            WHERE b."userId" = ${userId} AND o."id" <> s."id" AND o."status" = 'PUBLISHED'
              AND o."startsAt" < s."endsAt" AND o."endsAt" > s."startsAt") AS clashes
    FROM "ProgrammeSession" s
    JOIN "Edition" e ON e."id" = s."editionId"
    LEFT JOIN "WaitlistEntry" w ON w."sessionId" = s."id" AND w."userId" = ${userId}
    WHERE s."id" = ANY(${ids}::text[])
    ORDER BY s."id"
    FOR UPDATE OF s`,
  ]);
  const person = user?.[0] as { locale: string | null } | undefined;
  if (!person) return null;
  const found = (sessions ?? []) as (Omit<LockedSession, "clashes"> & { clashes: RawClash[] | null })[];
  return { locale: person.locale, sessions: new Map(found.map((r) => [r.id, withClashes(r)])) };
}

/** The overlapping seats as read (epoch ms in JSON), as Dates. */
function withClashes(row: Omit<LockedSession, "clashes"> & { clashes: RawClash[] | null }): LockedSession {
  return {
    ...row,
    clashes: (row.clashes ?? []).map((c) => ({
      id: c.id,
      title: c.title,
      startsAt: new Date(c.startsAt),
      endsAt: new Date(c.endsAt),
    })),
  };
}

/** What one booking message found and did (`bookInOneMessage`). */
export type BookingAttempt = {
  /**
   * False when there is no such person, or with `sessionVersion` none whose sessions still have it
   * (nothing was written, the rest is empty).
   */
  person: boolean;
  /** The person's stored language (null: none chosen), for the answer. */
  locale: string | null;
  /** The session as locked, with the person's state in it as it was before the write; null: no such session. */
  session: LockedSession | null;
  /** The seat was taken (and the confirmation queued). */
  taken: boolean;
  /** The person's place in the queue after the message (0: not in it), and the queue's length. */
  position: number;
  queueLength: number;
};

/**
 * A plain booking (no seats given up) as one message that ends its transaction: BEGIN, lock the
 * person, then one statement that locks and reads the session with the person's state and —
 * only when every rule allows it — takes the seat with its confirmation, or joins the queue
 * when the session is full and `waitlistIfFull`; then the queue place; COMMIT. The rules are
 * those of server/booking/rules.ts (the caller reads the same state with them and must reach
 * the same answer); `now` is the caller's, so that both judge the window at the same instant.
 * No row stays locked while the app thinks: the locks end with the message.
 */
export async function bookInOneMessage(
  db: Sql,
  input: { userId: string; sessionId: string; waitlistIfFull: boolean; now: Date; sessionVersion?: number | null },
): Promise<BookingAttempt> {
  const { userId, sessionId, waitlistIfFull, now } = input;
  const sessionVersion = input.sessionVersion ?? null;
  const payload = JSON.stringify({ userId, sessionId, replaced: [] });
  const [person, found, queue] = await db.batch(
    [
      lockUserStatement(userId, sessionVersion),
      sql`
    WITH s AS (
      SELECT s."id", s."editionId", s."title", s."status"::text AS status, s."isClosed", s."bookingRequired",
             s."capacity", s."bookedCount", s."startsAt", s."endsAt",
             e."bookingOpensAt", e."bookingClosesAt"
      FROM "ProgrammeSession" s JOIN "Edition" e ON e."id" = s."editionId"
      WHERE s."id" = ${sessionId}
      FOR UPDATE OF s
    ), me AS (
      SELECT
        (SELECT r."status"::text FROM "Registration" r
         WHERE r."userId" = ${userId} AND r."editionId" = s."editionId") AS registration,
        EXISTS (SELECT 1 FROM "Booking" b WHERE b."sessionId" = s."id" AND b."userId" = ${userId}) AS booked,
        (SELECT w.seq FROM "WaitlistEntry" w WHERE w."sessionId" = s."id" AND w."userId" = ${userId}) AS "waitSeq",
        (SELECT json_agg(json_build_object('id', o."id", 'title', o."title",
                           'startsAt', floor(extract(epoch FROM o."startsAt") * 1000),
                           'endsAt', floor(extract(epoch FROM o."endsAt") * 1000))
                         ORDER BY o."startsAt")
         FROM "Booking" b JOIN "ProgrammeSession" o ON o."id" = b."sessionId"
         WHERE b."userId" = ${userId} AND o."id" <> s."id" AND o."status" = 'PUBLISHED'
           AND o."startsAt" < s."endsAt" AND o."endsAt" > s."startsAt") AS clashes
      FROM s
    ), allowed AS (
      SELECT s.* FROM s, me
      WHERE me.registration = 'CONFIRMED' AND s.status = 'PUBLISHED' AND NOT s."isClosed" AND s."bookingRequired"
        -- The first statement locked the person only if the claim holds; this one runs regardless.
        AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = ${userId}
                    AND (${sessionVersion}::int IS NULL OR u."sessionVersion" = ${sessionVersion}))
        AND (s."bookingOpensAt" IS NULL OR s."bookingOpensAt" <= ${now})
        AND (s."bookingClosesAt" IS NULL OR s."bookingClosesAt" > ${now})
        AND NOT me.booked
    ), seat AS (
      UPDATE "ProgrammeSession" p SET "bookedCount" = p."bookedCount" + 1
      FROM allowed a, me
      -- Judged on the row as locked (a), not as this statement's snapshot saw it: a cancellation that
      -- committed while we waited for the lock freed a seat the snapshot does not show.
      WHERE p."id" = a."id" AND me.clashes IS NULL AND (a."capacity" IS NULL OR a."bookedCount" < a."capacity")
      RETURNING p."id"
    ), booking AS (
      INSERT INTO "Booking" ("id", "sessionId", "userId")
      SELECT ${newId()}, "id", ${userId} FROM seat
      RETURNING "id"
    ), unqueued AS (
      DELETE FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId}
        AND EXISTS (SELECT 1 FROM seat)
    ), mail AS (
      INSERT INTO "OutboxMessage" ("id", "kind", "to", "payload", "renderedAt")
      SELECT ${newId()}, 'booking.confirmed', u."email", ${payload}::jsonb, NULL
      FROM "User" u WHERE u."id" = ${userId} AND EXISTS (SELECT 1 FROM booking)
    ), queued AS (
      INSERT INTO "WaitlistEntry" ("id", "sessionId", "userId")
      SELECT ${newId()}, a."id", ${userId} FROM allowed a
      WHERE ${waitlistIfFull}::boolean AND a."capacity" IS NOT NULL AND a."bookedCount" >= a."capacity"
      ON CONFLICT ("sessionId", "userId") DO NOTHING
      RETURNING seq
    )
    SELECT s.*, me.*, (SELECT count(*)::int FROM booking) AS taken FROM s, me`,
      // A statement of its own: it sees the queue as committed by whoever held the session before.
      sql`
    SELECT (SELECT count(*)::int FROM "WaitlistEntry" q WHERE q."sessionId" = ${sessionId}
              AND q.seq <= (SELECT seq FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId}))
             AS position,
           (SELECT count(*)::int FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId}) AS "queueLength"`,
    ],
    { commit: true },
  );
  const row = found?.[0] as
    (Omit<LockedSession, "clashes"> & { clashes: RawClash[] | null; taken: number }) | undefined;
  const { taken = 0, ...state } = row ?? {};
  const me = person?.[0] as { locale: string | null } | undefined;
  return {
    person: me !== undefined,
    locale: me?.locale ?? null,
    session: me && row ? withClashes(state as Omit<LockedSession, "clashes"> & { clashes: RawClash[] | null }) : null,
    taken: Number(taken) > 0,
    position: Number(queue?.[0]?.position ?? 0),
    queueLength: Number(queue?.[0]?.queueLength ?? 0),
  };
}

/**
 * 3. The booking write, one statement: gives up the agreed seats (`release`), takes the seat
 * while the counter is below capacity, leaves the waitlist, and queues the confirmation. True
 * when the seat was taken; false (and nothing changed) when the session just filled up. With
 * `commit` the transaction ends with it.
 */
export async function takeSeatWithMail(
  db: Sql,
  input: { userId: string; sessionId: string; release: { id: string; title: string }[] },
  options: { commit?: boolean } = {},
): Promise<boolean> {
  const { userId, sessionId, release } = input;
  const payload = JSON.stringify({ userId, sessionId, replaced: release.map((r) => ({ title: r.title })) });
  const [result] = await db.batch(
    [
      sql`
    WITH seat AS (
      UPDATE "ProgrammeSession" SET "bookedCount" = "bookedCount" + 1
      WHERE "id" = ${sessionId} AND ("capacity" IS NULL OR "bookedCount" < "capacity")
      RETURNING "id"
    ), freed AS (
      DELETE FROM "Booking" b
      WHERE b."userId" = ${userId} AND b."sessionId" = ANY(${release.map((r) => r.id)}::text[])
        AND EXISTS (SELECT 1 FROM seat)
      RETURNING b."sessionId"
    ), uncounted AS (
      UPDATE "ProgrammeSession" p SET "bookedCount" = p."bookedCount" - 1
      FROM freed f WHERE p."id" = f."sessionId"
      RETURNING p."id"
    ), booking AS (
      INSERT INTO "Booking" ("id", "sessionId", "userId")
      SELECT ${newId()}, "id", ${userId} FROM seat
      RETURNING "id"
    ), unqueued AS (
      DELETE FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId}
        AND EXISTS (SELECT 1 FROM seat)
    ), mail AS (
      INSERT INTO "OutboxMessage" ("id", "kind", "to", "payload", "renderedAt")
      SELECT ${newId()}, 'booking.confirmed', u."email", ${payload}::jsonb, NULL
      FROM "User" u WHERE u."id" = ${userId} AND EXISTS (SELECT 1 FROM booking)
    )
    SELECT (SELECT count(*)::int FROM booking) AS taken`,
    ],
    options,
  );
  return Number(result?.[0]?.taken ?? 0) > 0;
}

/** 3'. Joins the waitlist (or stays in it) and returns the 1-based place in the queue; ends the transaction. */
export async function joinWaitlist(db: Sql, userId: string, sessionId: string): Promise<number> {
  const [result] = await db.batch(
    [
      sql`
    WITH joined AS (
      INSERT INTO "WaitlistEntry" ("id", "sessionId", "userId") VALUES (${newId()}, ${sessionId}, ${userId})
      ON CONFLICT ("sessionId", "userId") DO NOTHING
      RETURNING seq
    )
    SELECT CASE WHEN EXISTS (SELECT 1 FROM joined)
      THEN (SELECT count(*)::int + 1 FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId})
      ELSE (SELECT count(*)::int FROM "WaitlistEntry" q WHERE q."sessionId" = ${sessionId}
              AND q.seq <= (SELECT seq FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId}))
      END AS position`,
    ],
    { commit: true },
  );
  return Number(result?.[0]?.position ?? 1);
}

/** How many wait in a session's queue; ends the transaction. */
export async function waitlistCount(db: Sql, sessionId: string): Promise<number> {
  const [result] = await db.batch(
    [sql`SELECT count(*)::int AS n FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId}`],
    { commit: true },
  );
  return Number(result?.[0]?.n ?? 0);
}

/**
 * 1 and the cancellation write, one message: locks the person, then removes the seat, moves the
 * counter (which locks the session row), queues the mail, and returns the session row as it is
 * now, for the promotion that follows. Null (nothing changed) when the person held no seat there.
 */
export async function releaseSeatWithMail(
  db: Sql,
  userId: string,
  sessionId: string,
): Promise<PromotionSession | null> {
  const payload = JSON.stringify({ userId, sessionId });
  const [, released] = await db.batch([
    lockUserStatement(userId),
    sql`
    WITH freed AS (
      DELETE FROM "Booking" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId} RETURNING "sessionId"
    ), uncounted AS (
      UPDATE "ProgrammeSession" p SET "bookedCount" = p."bookedCount" - 1
      FROM freed f WHERE p."id" = f."sessionId"
      RETURNING p."id", p."editionId", p."status"::text AS status, p."isClosed", p."bookingRequired",
                p."capacity", p."bookedCount", p."startsAt", p."endsAt"
    ), mail AS (
      INSERT INTO "OutboxMessage" ("id", "kind", "to", "payload", "renderedAt")
      SELECT ${newId()}, 'booking.cancelled', u."email", ${payload}::jsonb, NULL
      FROM "User" u WHERE u."id" = ${userId} AND EXISTS (SELECT 1 FROM freed)
    )
    SELECT * FROM uncounted`,
  ]);
  return (released?.[0] as PromotionSession | undefined) ?? null;
}

/**
 * 1, 6 and the write of leaving a waitlist, one message that ends the transaction: locks the
 * person, then the session, then removes the queue entry. True when there was one.
 */
export async function leaveQueue(db: Sql, userId: string, sessionId: string): Promise<boolean> {
  const [, , left] = await db.batch(
    [
      lockUserStatement(userId),
      sql`SELECT "id" FROM "ProgrammeSession" WHERE "id" = ${sessionId} FOR UPDATE`,
      sql`DELETE FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND "userId" = ${userId} RETURNING "id"`,
    ],
    { commit: true },
  );
  return (left?.length ?? 0) > 0;
}

/** Locks a session row and reads it for promotion; null when there is no such session. */
export async function lockForPromotion(db: Sql, sessionId: string): Promise<PromotionSession | null> {
  const found = await rows<PromotionSession>(
    db,
    sql`
    SELECT "id", "editionId", "status"::text AS status, "isClosed", "bookingRequired", "capacity",
           "bookedCount", "startsAt", "endsAt"
    FROM "ProgrammeSession" WHERE "id" = ${sessionId} FOR UPDATE`,
  );
  return found[0] ?? null;
}

/**
 * Locks the User rows (id order) of the first `limit` people in the session's queue after
 * `afterSeq`; returns them with their seq. The next statement sees what they committed before.
 */
export async function lockQueueHead(
  db: Sql,
  sessionId: string,
  afterSeq: number,
  limit: number,
): Promise<{ userId: string; seq: number }[]> {
  return rows<{ userId: string; seq: number }>(
    db,
    sql`
    SELECT u."id" AS "userId", w.seq
    FROM "User" u
    JOIN "WaitlistEntry" w ON w."userId" = u."id" AND w."sessionId" = ${sessionId}
    WHERE w."id" IN (
      SELECT "id" FROM "WaitlistEntry" WHERE "sessionId" = ${sessionId} AND seq > ${afterSeq}
      ORDER BY seq LIMIT ${limit}
    )
    ORDER BY u."id"
    FOR UPDATE OF u`,
  );
}

/**
 * The promotion write, one statement, among people whose rows the caller locked: in queue
 * order, up to `free` seats (null: no limit) go to those whose registration is confirmed and
 * who hold no overlapping published seat; each leaves the queue, gets the seat and a mail.
 * The others keep their place. Returns the promoted user ids.
 */
export async function promoteLocked(
  db: Sql,
  session: { id: string; editionId: string; startsAt: Date; endsAt: Date },
  lockedUserIds: readonly string[],
  free: number | null,
): Promise<string[]> {
  if (lockedUserIds.length === 0 || free === 0) return [];
  const limit = free ?? lockedUserIds.length;
  const promoted = await rows<{ userId: string }>(
    db,
    sql`
    WITH chosen AS (
      SELECT w."id" AS wid, w."userId", w.seq FROM "WaitlistEntry" w
      JOIN "Registration" r ON r."userId" = w."userId" AND r."editionId" = ${session.editionId}
        AND r."status" = 'CONFIRMED'
      WHERE w."sessionId" = ${session.id} AND w."userId" = ANY(${lockedUserIds}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM "Booking" b JOIN "ProgrammeSession" o ON o."id" = b."sessionId"
          WHERE b."userId" = w."userId" AND o."id" <> ${session.id} AND o."status" = 'PUBLISHED'
            AND o."startsAt" < ${session.endsAt} AND o."endsAt" > ${session.startsAt})
      ORDER BY w.seq
      LIMIT ${limit}
    ), unqueued AS (
      DELETE FROM "WaitlistEntry" w USING chosen c WHERE w."id" = c.wid RETURNING w."userId"
    ), seats AS (
      INSERT INTO "Booking" ("id", "sessionId", "userId")
      SELECT gen_random_uuid()::text, ${session.id}, "userId" FROM unqueued
      RETURNING "userId"
    ), counted AS (
      UPDATE "ProgrammeSession" SET "bookedCount" = "bookedCount" + (SELECT count(*) FROM seats)
      WHERE "id" = ${session.id}
    ), mail AS (
      INSERT INTO "OutboxMessage" ("id", "kind", "to", "payload", "renderedAt")
      SELECT gen_random_uuid()::text, 'booking.promoted', u."email",
             jsonb_build_object('userId', u."id", 'sessionId', ${session.id}::text), NULL
      FROM seats s JOIN "User" u ON u."id" = s."userId"
    )
    SELECT "userId" FROM seats`,
  );
  return promoted.map((r) => r.userId);
}
