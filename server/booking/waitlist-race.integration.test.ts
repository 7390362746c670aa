/**
 * Leaving a waitlist while a seat is being released (issue 9 §6): the person who left is never
 * promoted or mailed. The race is forced: the leaver's row is held while the cancellation's
 * promotion reaches it, and the leave is sent exactly then.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createParticipant, createSession } from "~/server/test/factories";
import { holdRowLock, lockWaiters } from "~/server/test/races";

let testDb: TestDb;
let editionId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  editionId = (await createEdition(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

const api = (user: SessionUser) => createCaller(createContextInner({ db: testDb.db, user }));

describe("leaving the waitlist while a seat frees up", () => {
  it("someone who left is not promoted and not mailed; whoever was promoted did not 'leave'", async () => {
    const db = testDb.db;
    const s = await createSession(db, { editionId, capacity: 1, day: "2025-08-27" });
    const holder = await createParticipant(db, editionId);
    const leaver = await createParticipant(db, editionId);
    await api(holder).booking.book({ sessionId: s.id });
    expect(await api(leaver).booking.book({ sessionId: s.id, waitlistIfFull: true })).toMatchObject({
      outcome: "WAITLISTED",
    });

    const held = await holdRowLock(testDb, "User", `id = '${leaver.id}'`);
    const cancel = api(holder).booking.cancel({ sessionId: s.id });
    await lockWaiters(testDb, 1); // the promotion waits for the leaver's row, holding the session
    let leaveDone = false;
    const leave = api(leaver)
      .booking.leaveWaitlist({ sessionId: s.id })
      .finally(() => (leaveDone = true));
    await lockWaiters(testDb, 2, () => leaveDone);
    await held.release();
    const [{ left }] = await Promise.all([leave, cancel]);

    const seat = await db.booking.findUnique({ where: { sessionId_userId: { sessionId: s.id, userId: leaver.id } } });
    const promotedMail = await db.outboxMessage.count({ where: { to: leaver.email, kind: "booking.promoted" } });
    const row = await db.programmeSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(row.bookedCount).toBe(await db.booking.count({ where: { sessionId: s.id } }));
    expect({ left, booked: seat !== null, promotedMail }).toEqual(
      left ? { left: true, booked: false, promotedMail: 0 } : { left: false, booked: true, promotedMail: 1 },
    );
    expect(await db.waitlistEntry.count({ where: { sessionId: s.id } })).toBe(0);
  });
});
