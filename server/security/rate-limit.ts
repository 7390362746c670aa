/**
 * Fixed-window rate limits shared by every app instance through the RateLimitHit table.
 * Keys are built by callers: `signin:ip:1.2.3.4`, `signin:email:a@b.c`.
 *
 * Call these with the root client, not inside the transaction of the action they guard:
 * a hit must count even when the action then fails and its transaction rolls back.
 */
import { metrics } from "~/server/ops/metrics.mjs";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import {
  assertValidLimit,
  MAX_WINDOW_SECONDS,
  secondsUntilWindowEnds,
  tooManyAttemptsMessage,
  windowStartFor,
} from "~/server/security/rules";

type DbLike = Db | Prisma.TransactionClient;

export type RateLimitCheck = { key: string; limit: number; windowSeconds: number };

export type RateLimitResult = {
  allowed: boolean;
  /** Seconds until the window ends when refused; 0 when allowed. */
  retryAfterSeconds: number;
  /** Hits in the current window, this one included. */
  count: number;
};

/**
 * Counts one hit on `key` and says whether it is within `limit` hits per window. One atomic
 * statement, so concurrent hits from any number of instances are all counted.
 */
export async function hitRateLimit({
  db,
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: RateLimitCheck & { db: DbLike; now?: Date }): Promise<RateLimitResult> {
  assertValidLimit(limit, windowSeconds);
  const windowStart = windowStartFor(now, windowSeconds).toISOString();
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitHit" ("key", "windowStart", "count")
    VALUES (${key}, ${windowStart}::timestamptz, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitHit"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 0);
  const allowed = count <= limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : secondsUntilWindowEnds(now, windowSeconds), count };
}

/**
 * Counts a hit on every check (all of them, so that each key's count stays true) and throws
 * TOO_MANY_REQUESTS, naming the longest wait, if any of them is over its limit.
 */
export async function assertRateLimits({
  db,
  checks,
  now = new Date(),
}: {
  db: DbLike;
  checks: RateLimitCheck[];
  now?: Date;
}): Promise<void> {
  const results = await Promise.all(checks.map((check) => hitRateLimit({ db, ...check, now })));
  const wait = Math.max(0, ...results.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds));
  if (wait > 0) {
    // The action is the key's first part ("signin:email:…" → "signin"): no address in metrics.
    metrics.rateLimitRefusals.inc({ action: checks[0]?.key.split(":")[0] ?? "unknown" });
    throw new AppError("TOO_MANY_REQUESTS", tooManyAttemptsMessage(wait));
  }
}

/**
 * Takes back one hit of the window containing `now` (never below zero): for an attempt that
 * turned out legitimate, such as a correct password, so that only failures count against a key.
 */
export async function forgiveRateLimitHit({
  db,
  key,
  windowSeconds,
  now = new Date(),
}: Omit<RateLimitCheck, "limit"> & { db: DbLike; now?: Date }): Promise<void> {
  const windowStart = windowStartFor(now, windowSeconds).toISOString();
  await db.$executeRaw`
    UPDATE "RateLimitHit" SET "count" = "count" - 1
    WHERE "key" = ${key} AND "windowStart" = ${windowStart}::timestamptz AND "count" > 0`;
}

/** Deletes windows that ended long ago (older than a day); returns how many rows went. */
export async function cleanupRateLimits({ db, now = new Date() }: { db: DbLike; now?: Date }): Promise<number> {
  const before = new Date(now.getTime() - MAX_WINDOW_SECONDS * 1000).toISOString();
  return db.$executeRaw`DELETE FROM "RateLimitHit" WHERE "windowStart" < ${before}::timestamptz`;
}
