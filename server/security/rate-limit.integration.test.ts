import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { assertRateLimits, cleanupRateLimits, hitRateLimit } from "~/server/security/rate-limit";
import { createTestDb, type TestDb } from "~/server/test/db";
import { uid } from "~/server/test/factories";

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
});

afterAll(async () => {
  await testDb?.close();
});

const at = (iso: string) => new Date(iso);

describe("hitRateLimit", () => {
  it("allows `limit` hits per window, then refuses until the window ends", async () => {
    const key = `signin:ip:${uid()}`;
    const now = at("2026-08-25T10:00:30Z");
    const hit = (when = now) => hitRateLimit({ db, key, limit: 3, windowSeconds: 60, now: when });

    expect(await hit()).toEqual({ allowed: true, retryAfterSeconds: 0, count: 1 });
    expect(await hit()).toEqual({ allowed: true, retryAfterSeconds: 0, count: 2 });
    expect(await hit()).toEqual({ allowed: true, retryAfterSeconds: 0, count: 3 });
    expect(await hit()).toEqual({ allowed: false, retryAfterSeconds: 30, count: 4 });
    expect(await hit(at("2026-08-25T10:00:59.200Z"))).toEqual({ allowed: false, retryAfterSeconds: 1, count: 5 });

    // A new window starts from zero.
    expect(await hit(at("2026-08-25T10:01:00Z"))).toEqual({ allowed: true, retryAfterSeconds: 0, count: 1 });
  });

  it("counts separate keys independently", async () => {
    const now = at("2026-08-25T10:00:00Z");
    const ip = `signin:ip:${uid()}`;
    const email = `signin:email:${uid()}@example.org`;
    await hitRateLimit({ db, key: ip, limit: 1, windowSeconds: 600, now });
    expect((await hitRateLimit({ db, key: ip, limit: 1, windowSeconds: 600, now })).allowed).toBe(false);
    expect(await hitRateLimit({ db, key: email, limit: 1, windowSeconds: 600, now })).toMatchObject({
      allowed: true,
      count: 1,
    });
  });

  it("counts 20 concurrent hits on one key exactly", async () => {
    const key = `signup:ip:${uid()}`;
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit({ db, key, limit: 5, windowSeconds: 3600, now })),
    );

    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const rows = await db.rateLimitHit.findMany({ where: { key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.count).toBe(20);
  });

  it("rejects nonsense settings as a programming error", async () => {
    await expect(hitRateLimit({ db, key: `k:${uid()}`, limit: 0, windowSeconds: 60 })).rejects.toThrow(/positive/);
    await expect(hitRateLimit({ db, key: `k:${uid()}`, limit: 1, windowSeconds: 2 * 86_400 })).rejects.toThrow(
      /window/,
    );
  });
});

describe("assertRateLimits", () => {
  it("passes within the limits and counts every key", async () => {
    const ip = `signin:ip:${uid()}`;
    const email = `signin:email:${uid()}`;
    const checks = [
      { key: ip, limit: 5, windowSeconds: 60 },
      { key: email, limit: 2, windowSeconds: 900 },
    ];
    const now = at("2026-08-25T10:00:00Z");
    await assertRateLimits({ db, checks, now });
    await assertRateLimits({ db, checks, now });

    const error = await assertRateLimits({ db, checks, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Слишком много попыток. Попробуйте снова через 15 минут.",
    });
    expect(error).not.toBeInstanceOf(TRPCError);
    const rows = await db.rateLimitHit.findMany({ where: { key: { in: [ip, email] } } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.count]))).toEqual({ [ip]: 3, [email]: 3 });
  });

  it("names the longest wait of the refused checks", async () => {
    const a = `a:${uid()}`;
    const b = `b:${uid()}`;
    const now = at("2026-08-25T10:00:50Z");
    const checks = [
      { key: a, limit: 1, windowSeconds: 60 },
      { key: b, limit: 1, windowSeconds: 300 },
    ];
    await assertRateLimits({ db, checks, now });
    await expect(assertRateLimits({ db, checks, now })).rejects.toThrow(
      "Слишком много попыток. Попробуйте снова через 5 минут.",
    );
    await expect(assertRateLimits({ db, checks: [checks[0]!], now })).rejects.toThrow(
      "Слишком много попыток. Попробуйте снова через 1 минуту.",
    );
  });
});

describe("cleanupRateLimits", () => {
  it("deletes windows older than a day and keeps the rest", async () => {
    const key = `cleanup:${uid()}`;
    const now = at("2026-08-25T12:00:00Z");
    await hitRateLimit({ db, key, limit: 5, windowSeconds: 60, now: at("2026-08-24T11:59:00Z") });
    await hitRateLimit({ db, key, limit: 5, windowSeconds: 60, now: at("2026-08-24T12:00:00Z") });
    await hitRateLimit({ db, key, limit: 5, windowSeconds: 60, now: at("2026-08-25T11:59:00Z") });

    expect(await cleanupRateLimits({ db, now })).toBeGreaterThanOrEqual(1);
    const left = await db.rateLimitHit.findMany({ where: { key }, orderBy: { windowStart: "asc" } });
    expect(left.map((r) => r.windowStart.toISOString())).toEqual([
      "2026-08-24T12:00:00.000Z",
      "2026-08-25T11:59:00.000Z",
    ]);
  });
});
