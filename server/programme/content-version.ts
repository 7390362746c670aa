/**
 * The version of the public programme (ContentVersion, one row). Every audited change moves it
 * (server/audit); each app instance polls it every second and drops its cached guest pages when
 * it moves (scripts/page-cache.mjs), so an edit on one instance reaches the others within about
 * a second. On the instance that made the change the cache stops serving at once.
 */
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";

type Hooks = { __spoContentChanged?: () => void };

export async function bumpContentVersion(tx: Db | Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 1)
    ON CONFLICT ("id") DO UPDATE SET "version" = "ContentVersion"."version" + 1, "changedAt" = now()`;
  (globalThis as Hooks).__spoContentChanged?.();
}

/** The current version; 0 before the first change. */
export async function readContentVersion(db: Db): Promise<number> {
  const rows = await db.$queryRaw<{ version: number }[]>`SELECT "version" FROM "ContentVersion" WHERE "id" = 1`;
  return rows[0]?.version ?? 0;
}
