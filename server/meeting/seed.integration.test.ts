/** The demo seed makes the August meeting usable: its session is the edition's meeting, and the demo head may apply. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "~/prisma/seed/seed";
import { callerFor } from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
  await seedDemo(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

describe("the demo August meeting", () => {
  it("is the closed MEETING session of 26 August, and the demo head of the Kaluga region may apply", async () => {
    const api = callerFor(testDb.db);
    const guest = await api(null).meeting.view();
    expect(guest.open).toBe(true);
    expect(guest.session).toMatchObject({ day: "2025-08-26", isDemo: true });
    const session = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: guest.session!.id } });
    expect(session).toMatchObject({ format: "MEETING", isClosed: true });

    const head = await testDb.db.user.findUniqueOrThrow({
      where: { email: "head@forum-spo.local" },
      select: { id: true, email: true, role: true },
    });
    const view = await api(head).meeting.view();
    expect(view.viewer).toMatchObject({
      eligibility: "ok",
      registration: { regionName: "Калужская область", organisation: expect.stringContaining("Министерство") },
    });
    const teacher = await testDb.db.user.findUniqueOrThrow({
      where: { email: "participant@forum-spo.local" },
      select: { id: true, email: true, role: true },
    });
    expect((await api(teacher).meeting.view()).viewer?.eligibility).toBe("category");

    const rollCall = await api(
      await testDb.db.user.findUniqueOrThrow({
        where: { email: "organiser@forum-spo.local" },
        select: { id: true, email: true, role: true },
      }),
    ).meeting.rollCall();
    expect(rollCall.total).toMatchObject({ regions: 89, NONE: 89 });
    expect(rollCall.districts.map((d) => d.regions.length).reduce((a, b) => a + b)).toBe(89);
  });
});
