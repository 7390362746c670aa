import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimRun } from "~/server/ops/schedule";
import { createTestDb, type TestDb } from "~/server/test/db";
import { uid } from "~/server/test/factories";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("scheduled work across instances", () => {
  it("runs once per period however many instances ask at once", async () => {
    const name = `job-${uid()}`;
    const hour = 3_600_000;
    const t0 = new Date("2026-08-25T07:00:00Z");
    const first = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimRun({ db: testDb.db, name, everyMs: hour, now: t0, by: `i${i}` })),
    );
    expect(first.filter(Boolean)).toHaveLength(1);

    // Within the period nobody runs it again; once it is due, exactly one does.
    const soon = new Date(t0.getTime() + hour / 2);
    expect(await claimRun({ db: testDb.db, name, everyMs: hour, now: soon })).toBe(false);
    const due = new Date(t0.getTime() + hour);
    const second = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimRun({ db: testDb.db, name, everyMs: hour, now: due, by: `i${i}` })),
    );
    expect(second.filter(Boolean)).toHaveLength(1);
    const row = await testDb.db.scheduledJob.findUniqueOrThrow({ where: { name } });
    expect(row.nextRunAt.toISOString()).toBe(new Date(due.getTime() + hour).toISOString());
  });
});
