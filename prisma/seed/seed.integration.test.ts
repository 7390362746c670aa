import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "~/prisma/seed/accounts";
import { seedDemo, seedReference } from "~/prisma/seed/seed";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { createTestDb, type TestDb } from "~/server/test/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

describe("seedReference (a configured database without SEED_DEMO)", () => {
  it("creates the regions and the edition, and no demo account, speaker or session", async () => {
    const own = await createTestDb();
    try {
      const report = await seedReference(own.db);
      expect(report).toEqual({ regions: 89, editionCreated: true, sessionsCreated: 0, accountsCreated: 0 });
      expect(await own.db.user.count()).toBe(0);
      expect(await own.db.user.count({ where: { email: { in: demoAccounts.map((a) => a.email) } } })).toBe(0);
      expect(await own.db.programmeSession.count()).toBe(0);
      expect(await own.db.speaker.count()).toBe(0);
      expect(await own.db.edition.findFirstOrThrow()).toMatchObject({ isDemo: false });
      expect(await seedReference(own.db)).toMatchObject({ editionCreated: false, accountsCreated: 0 });
    } finally {
      await own.close();
    }
  });
});

describe("seedDemo", () => {
  it("creates all regions, the demo edition and its programme, and is safe to run twice", async () => {
    const { db } = testDb;
    const first = await seedDemo(db);
    expect(first).toMatchObject({ regions: 89, editionCreated: true });
    expect(first.sessionsCreated).toBeGreaterThanOrEqual(80);

    const counts = async () => ({
      regions: await db.region.count(),
      editions: await db.edition.count(),
      tracks: await db.track.count(),
      rooms: await db.room.count(),
      speakers: await db.speaker.count(),
      sessions: await db.programmeSession.count(),
      links: await db.sessionSpeaker.count(),
      users: await db.user.count(),
      registrations: await db.registration.count(),
    });
    const before = await counts();
    const second = await seedDemo(db);
    expect(second).toEqual({ regions: 89, editionCreated: false, sessionsCreated: 0, accountsCreated: 0 });
    expect(first.accountsCreated).toBe(demoAccounts.length);
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ regions: 89, editions: 1, tracks: 6 });
  });

  it("publishes a five-day programme in Moscow time with the closed August meeting on 26 August", async () => {
    const api = createCaller(createContextInner({ db: testDb.db }));
    const edition = await api.programme.edition();
    expect(edition).toMatchObject({ city: "Калуга", timeZone: "Europe/Moscow", isDemo: true });
    expect(edition.days).toEqual(["2025-08-25", "2025-08-26", "2025-08-27", "2025-08-28", "2025-08-29"]);

    const meeting = await api.programme.list({ day: "2025-08-26", format: "MEETING" });
    expect(meeting).toHaveLength(1);
    expect(meeting[0]).toMatchObject({ isClosed: true, isDemo: true });
    // The public view carries its day only; the real start (10:00 MSK) is in the database.
    expect(meeting[0]).toMatchObject({ timeHidden: true, room: null });
    const real = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: meeting[0]!.id } });
    expect(real.startsAt.toISOString()).toBe("2025-08-26T07:00:00.000Z");

    for (const day of edition.days) expect((await api.programme.list({ day })).length).toBeGreaterThan(5);
    const small = await testDb.db.programmeSession.count({ where: { capacity: { lte: 30 } } });
    expect(small).toBeGreaterThan(0);
  });
});
