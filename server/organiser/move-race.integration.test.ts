/**
 * moveSession reads the session's speakers before it can lock them (issue 9 §6). A speaker added
 * while the move waits for the session row must be locked and checked like the others: otherwise
 * the move and another save placing that speaker elsewhere at the same time both pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createRoom, createSession, createSpeaker } from "~/server/test/factories";
import { holdRowLock, lockWaiters } from "~/server/test/races";

let testDb: TestDb;
let editionId: string;
let organiser: SessionUser;

beforeAll(async () => {
  testDb = await createTestDb();
  editionId = (await createEdition(testDb.db)).id;
  organiser = await createOrganiser(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

describe("moving a session while its speakers change", () => {
  it("a speaker added while the move waits is checked under lock: never in two overlapping sessions", async () => {
    const db = testDb.db;
    const [roomA, roomB, roomC] = await Promise.all([1, 2, 3].map(() => createRoom(db, editionId, { capacity: 50 })));
    const speaker = await createSpeaker(db, editionId);
    const moved = await createSession(db, {
      editionId,
      roomId: roomA!.id,
      day: "2025-08-26",
      start: "12:00",
      end: "13:00",
    });
    const other = await createSession(db, {
      editionId,
      roomId: roomC!.id,
      day: "2025-08-27",
      start: "10:00",
      end: "11:00",
    });

    // Another organiser adds the speaker to the session being moved (not yet committed) ...
    const addToMoved = await holdRowLock(testDb, "ProgrammeSession", `id = '${moved.id}'`, {
      then: (tx) =>
        tx.$executeRaw`INSERT INTO "SessionSpeaker" ("sessionId", "speakerId", "role") VALUES (${moved.id}, ${speaker.id}, 'SPEAKER')`,
    });
    // ... and a third save holds the speaker while putting them into `other`, at the move's target time.
    const addToOther = await holdRowLock(testDb, "Speaker", `id = '${speaker.id}'`, {
      mode: "FOR NO KEY UPDATE",
      then: (tx) =>
        tx.$executeRaw`INSERT INTO "SessionSpeaker" ("sessionId", "speakerId", "role") VALUES (${other.id}, ${speaker.id}, 'SPEAKER')`,
    });
    let moveDone = false;
    const move = createCaller(createContextInner({ db, user: organiser }))
      .programmeAdmin.moveSession({ id: moved.id, day: "2025-08-27", start: "10:00", roomId: roomB!.id })
      .finally(() => (moveDone = true));
    await lockWaiters(testDb, 1, () => moveDone, '%"ProgrammeSession"%');
    await addToMoved.release();
    await lockWaiters(testDb, 1, () => moveDone, '%"Speaker"%');
    await addToOther.release();
    await Promise.allSettled([move]);

    const placed = await db.programmeSession.findMany({
      where: { speakers: { some: { speakerId: speaker.id } } },
      select: { startsAt: true, endsAt: true },
      orderBy: { startsAt: "asc" },
    });
    expect(placed).toHaveLength(2);
    expect(placed[0]!.endsAt <= placed[1]!.startsAt).toBe(true);
    await expect(move).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
