/**
 * The transaction wrapper every locking service runs in (booking, the August meeting, the
 * organiser console). Interactive transactions at READ COMMITTED: each statement after a
 * row lock sees what the previous holder committed. PostgreSQL resolves a deadlock by
 * aborting one side; that side simply runs again. On PGlite transactions run one at a time.
 */
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

const RETRYABLE_SQLSTATES = ["40P01", "40001"];

/**
 * Thrown inside a transaction that learnt, after taking its locks, that it locked the wrong rows
 * (what it read before locking changed meanwhile): it rolls back and runs again, like a deadlock.
 */
export class LockSetChanged extends Error {
  constructor() {
    super("The rows to lock changed before they were locked");
  }
}

/** A deadlock or serialisation failure: the transaction was rolled back and may run again. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof LockSetChanged) return true;
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === "P2034") return true;
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`;
  return RETRYABLE_SQLSTATES.some((s) => text.includes(s)) || /deadlock detected/i.test(text);
}

const TX_OPTIONS = { maxWait: 30_000, timeout: 20_000 } as const;

export async function inTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  options: { maxWait?: number; timeout?: number } = TX_OPTIONS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, { ...TX_OPTIONS, ...options });
    } catch (error) {
      if (attempt >= 5 || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
