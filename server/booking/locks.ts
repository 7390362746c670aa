/**
 * Row locks and the transaction wrapper the booking service runs in. Seats are guarded by
 * locking the session row (`FOR UPDATE`) and a person's seats by locking their user row, so
 * several app instances on one PostgreSQL keep the invariants; on PGlite transactions run one
 * at a time anyway.
 */
import type { Db } from "~/server/db/client";
import { Prisma } from "~/server/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

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

const RETRYABLE_SQLSTATES = ["40P01", "40001"];

/** A deadlock or serialisation failure: the transaction was rolled back and may simply run again. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "P2034") return true;
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`;
  return RETRYABLE_SQLSTATES.some((s) => text.includes(s)) || /deadlock detected/i.test(text);
}

const TX_OPTIONS = { maxWait: 30_000, timeout: 20_000 } as const;

/**
 * Runs `fn` in one interactive transaction (READ COMMITTED: every statement after a lock sees
 * the rows as the previous holder committed them) and retries it a few times after a
 * deadlock, which PostgreSQL resolves by aborting one side.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, TX_OPTIONS);
    } catch (error) {
      if (attempt >= 5 || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
