/**
 * A decision against a stale quota (issue 9 §6): declining a delegate while the default quota is
 * lowered. Whatever the interleaving, the outcome must be one of the two serial ones: if the
 * lower default committed first, the decline sees it and nobody moves up from the reserve.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/auth/roles";
import { application, callerFor, createMeetingEdition } from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createRegion, createRegionalOfficial } from "~/server/test/factories";
import { holdRowLock, lockWaiters } from "~/server/test/races";

let testDb: TestDb;
let editionId: string;
let sessionId: string;
let organiser: SessionUser;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await createTestDb();
  const m = await createMeetingEdition(testDb.db);
  editionId = m.edition.id;
  sessionId = m.session.id;
  organiser = m.organiser;
  api = callerFor(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

const statusOf = async (id: string) =>
  (await testDb.db.meetingApplication.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("a decision and a quota change at once", () => {
  it("a decline never moves someone up against a default quota that was already lowered", async () => {
    const db = testDb.db;
    await db.edition.update({
      where: { id: editionId },
      data: { meetingDefaultQuota: 3, meetingReserveEnabled: true },
    });
    const r = await createRegion(db);
    const [h, m1, m2, m3] = await Promise.all([1, 2, 3, 4].map(() => createRegionalOfficial(db, editionId, r.id)));
    await api(h!).meeting.submit({ ...application, role: "HEAD" });
    const declined = await api(m1!).meeting.submit({ ...application, role: "MEMBER" });
    await api(m2!).meeting.submit({ ...application, role: "MEMBER" });
    const reserve = await api(m3!).meeting.submit({ ...application, role: "MEMBER" });
    expect(reserve.status).toBe("RESERVE");

    const held = await holdRowLock(testDb, "RegionQuota", `"editionId" = '${editionId}' AND "regionId" = ${r.id}`);
    const decline = api(organiser).meeting.decline({ id: declined.id, reason: "Не соответствует требованиям" });
    await lockWaiters(testDb, 1); // the decline waits for the region
    let settingsDone = false;
    const settings = api(organiser)
      .meeting.updateSettings({ meetingSessionId: sessionId, defaultQuota: 2, reserveEnabled: true })
      .finally(() => (settingsDone = true));
    await lockWaiters(testDb, 2, () => settingsDone);
    // Settled while the decline still waited: the lower default committed first.
    const settingsFirst = settingsDone;
    await held.release();
    await Promise.all([decline, settings]);

    const active = await db.meetingApplication.count({
      where: { editionId, regionId: r.id, status: { in: ["SUBMITTED", "ACCREDITED"] } },
    });
    expect({ settingsFirst, reserve: await statusOf(reserve.id), active }).toEqual(
      settingsFirst
        ? { settingsFirst, reserve: "RESERVE", active: 2 }
        : { settingsFirst, reserve: "SUBMITTED", active: 3 },
    );
  });
});
