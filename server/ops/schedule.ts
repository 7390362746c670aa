/**
 * Periodic work that must happen once per period across all app instances (outbox housekeeping
 * now; reminders and no-show release later). Each instance asks `claimRun` on its own timer; the
 * one whose conditional upsert moves `nextRunAt` forward runs the job, the others do nothing.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db/client";

/** This process, as it appears in ScheduledJob.lastRunBy. */
export const instanceId = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** True when this caller won the run of `name` due at `now`; the next run is `everyMs` later. */
export async function claimRun({
  db,
  name,
  everyMs,
  now = new Date(),
  by = instanceId,
}: {
  db: Db;
  name: string;
  everyMs: number;
  now?: Date;
  by?: string;
}): Promise<boolean> {
  const next = new Date(now.getTime() + everyMs).toISOString();
  const at = now.toISOString();
  const rows = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "ScheduledJob" ("name", "nextRunAt", "lastRunAt", "lastRunBy")
    VALUES (${name}, ${next}::timestamptz, ${at}::timestamptz, ${by})
    ON CONFLICT ("name") DO UPDATE
      SET "nextRunAt" = EXCLUDED."nextRunAt", "lastRunAt" = EXCLUDED."lastRunAt", "lastRunBy" = EXCLUDED."lastRunBy"
      WHERE "ScheduledJob"."nextRunAt" <= ${at}::timestamptz
    RETURNING "name"`;
  return rows.length === 1;
}
