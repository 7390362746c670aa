/**
 * Row locks and the transaction wrapper the booking service runs in. Seats are guarded by
 * locking the session row (`FOR UPDATE`) and a person's seats by locking their user row, so
 * several app instances on one PostgreSQL keep the invariants; on PGlite transactions run one
 * at a time anyway.
 */
import { Prisma } from "~/server/generated/prisma/client";

export type { Tx } from "~/server/db/transaction";
import type { Tx } from "~/server/db/transaction";

/** Serialises every seat change of one person (their own concurrent bookings included). */
export async function lockUser(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return rows.length > 0;
}

/** Locks several people in id order (the same order everywhere makes deadlocks rarer). */
export async function lockUsers(tx: Tx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const ids = [...new Set(userIds)].sort();
  await tx.$queryRaw`SELECT id FROM "User" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

/** Locks sessions in id order; returns the ids that exist. */
export async function lockSessions(tx: Tx, sessionIds: readonly string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const ids = [...new Set(sessionIds)].sort();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ProgrammeSession" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
  return new Set(rows.map((r) => r.id));
}

export { inTransaction, isRetryable } from "~/server/db/transaction";
