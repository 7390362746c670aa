/**
 * The one lock order. Every transaction that takes more than one row lock takes them in this
 * order, through these helpers, inside `inTransaction` (server/db/transaction.ts), which runs a
 * transaction again when PostgreSQL aborts it as a deadlock victim:
 *
 *   1. User rows of the people acting or acted upon (`lockUser`, `lockUsers`: id order);
 *   2. the edition's registration counter (`Edition` row) — moved only by a conditional
 *      statement that also checks the registration state it counts (server/account);
 *   3. the region's delegation row (`lockRegion`: RegionQuota) — the August meeting's quota
 *      and every change to a region's applications;
 *   4. the room (`lockRoom`), then 5. the speakers (`lockSpeakers`: id order) a session is put into;
 *   6. programme session rows (`lockSessions`: id order) — seats, counters, waitlists.
 *
 * The exceptions: promotion from a waitlist (`fillFreedSeats`) learns who is next only under the
 * session's lock, and a move of a booked session learns who holds its seats only then, so both
 * lock those people's User rows after step 6. Two transactions meeting there deadlock at worst;
 * PostgreSQL aborts one and `inTransaction` runs it again.
 *
 * A new person's name (`lockSpeakerName`) is claimed alone in its transaction, outside this order.
 *
 * On PGlite transactions run one at a time, so none of this waits there.
 */
import { Prisma } from "~/server/generated/prisma/client";
import type { Tx } from "~/server/db/transaction";
import { QUOTA_FOLLOWS_DEFAULT } from "~/server/meeting/rules";

/** 1. Serialises every seat and registration change of one person. False when there is no such user. */
export async function lockUser(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return rows.length > 0;
}

/** 1. Several people, in id order. */
export async function lockUsers(tx: Tx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...new Set(userIds)].sort();
  await tx.$queryRaw`SELECT id FROM "User" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

/**
 * 2. Ends the person's active registrations and takes the edition counters down by exactly the
 * number of rows this statement changed from PENDING/CONFIRMED to CANCELLED, in one statement:
 * a second, concurrent cancel changes no row and moves no counter. Returns the rows ended.
 */
export async function cancelRegistrationsCounted(tx: Tx, userId: string, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    WITH ended AS (
      UPDATE "Registration" SET "status" = 'CANCELLED', "cancelledAt" = ${now}
      WHERE "userId" = ${userId} AND "status" IN ('PENDING', 'CONFIRMED')
      RETURNING "editionId"
    ), counted AS (
      UPDATE "Edition" e SET "registrationCount" = e."registrationCount" - c.n
      FROM (SELECT "editionId", count(*)::int AS n FROM ended GROUP BY "editionId") c
      WHERE e."id" = c."editionId"
      RETURNING c.n
    )
    SELECT COALESCE(SUM(n), 0)::int AS n FROM counted`;
  return rows[0]?.n ?? 0;
}

/**
 * 3. Creates the region's RegionQuota row if it is missing (following the default quota) and locks
 * it. Concurrent first applications of a region wait on the insert of the first one, then on
 * its lock. Returns the row's quota (QUOTA_FOLLOWS_DEFAULT when the region has no override).
 */
export async function lockRegion(tx: Tx, editionId: string, regionId: number): Promise<{ quota: number }> {
  await tx.$executeRaw`
    INSERT INTO "RegionQuota" ("editionId", "regionId", "quota")
    VALUES (${editionId}, ${regionId}, ${QUOTA_FOLLOWS_DEFAULT})
    ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ quota: number }[]>`
    SELECT "quota" FROM "RegionQuota"
    WHERE "editionId" = ${editionId} AND "regionId" = ${regionId}
    FOR UPDATE`;
  return { quota: rows[0]?.quota ?? QUOTA_FOLLOWS_DEFAULT };
}

/** 3. Every region row of the edition, in region order (a change of the default quota). */
export async function lockEditionRegions(tx: Tx, editionId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT "regionId" FROM "RegionQuota" WHERE "editionId" = ${editionId} ORDER BY "regionId" FOR UPDATE`;
}

/** 4. The room a session is put into. */
export async function lockRoom(tx: Tx, roomId: string | null): Promise<void> {
  if (roomId) await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${roomId} FOR UPDATE`;
}

/**
 * Serialises the creation of people with one name in one edition (a transaction-scoped advisory
 * lock; no row exists yet to lock), so two organisers adding the same new name at once cannot both
 * pass the duplicate check. Taken alone, never with other locks.
 */
export async function lockSpeakerName(tx: Tx, editionId: string, nameKey: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`speaker:${editionId}:${nameKey}`}, 0))::text`;
}

/** 5. Speakers and moderators, in id order. */
export async function lockSpeakers(tx: Tx, speakerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(speakerIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Speaker" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

/** 6. Programme sessions in id order; returns the ids that exist. */
export async function lockSessions(tx: Tx, sessionIds: readonly string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const ids = [...new Set(sessionIds)].sort();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ProgrammeSession" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  return new Set(rows.map((r) => r.id));
}
