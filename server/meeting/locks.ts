/**
 * The region lock and the transaction wrapper of the August meeting. Every change to a region's
 * delegation (apply, withdraw, accredit, decline, substitute, quota) locks that region's
 * RegionQuota row first, so a quota holds whatever the concurrency, across app instances on one
 * PostgreSQL; on PGlite transactions run one at a time anyway.
 */
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";
import { QUOTA_FOLLOWS_DEFAULT } from "~/server/meeting/rules";

export type Tx = Prisma.TransactionClient;

/**
 * Creates the region's RegionQuota row if it is missing (following the default quota) and locks
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

const RETRYABLE_SQLSTATES = ["40P01", "40001"];

function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as { code?: unknown }).code === "P2034") return true;
  const text = `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`;
  return RETRYABLE_SQLSTATES.some((s) => text.includes(s)) || /deadlock detected/i.test(text);
}

const TX_OPTIONS = { maxWait: 30_000, timeout: 20_000 } as const;

/**
 * One interactive transaction (READ COMMITTED: every statement after the lock sees what the
 * previous holder committed), run again after a deadlock, which PostgreSQL resolves by
 * aborting one side.
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
