/**
 * The region lock and the transaction wrapper of the August meeting. Every change to a region's
 * delegation (apply, withdraw, accredit, decline, substitute, quota) locks that region's
 * RegionQuota row first, so a quota holds whatever the concurrency, across app instances on one
 * PostgreSQL; on PGlite transactions run one at a time anyway.
 */
import { QUOTA_FOLLOWS_DEFAULT } from "~/server/meeting/rules";

export type { Tx } from "~/server/db/transaction";
import type { Tx } from "~/server/db/transaction";

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

export { inTransaction, isRetryable } from "~/server/db/transaction";
