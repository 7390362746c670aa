/**
 * The one-click swap a clash mail links to: the pair as the person sees it (`booking.clash`) and
 * giving up one seat of it (`booking.resolveClash`), in both directions, with the promotion of
 * the first in the queue; every refusal changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { renderPendingMail } from "~/server/booking/notify";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createParticipant,
  createRoom,
  createSession,
  createWaitlistEntry,
  uid,
} from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let editionId: string;

const as = (user: SessionUser | null) => createCaller(createContextInner({ db, user }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

/** A person with seats on two sessions that overlap by half an hour; B has one seat and a queue of two. */
async function clashingPair() {
  const person = await createParticipant(db, editionId, { firstName: "Вера" });
  const hall = await createRoom(db, editionId, { name: `Зал «Ока» ${uid()}` });
  const a = await createSession(db, {
    editionId,
    roomId: hall.id,
    title: `Наставничество ${uid()}`,
    day: "2025-08-26",
    start: "12:00",
    end: "13:30",
  });
  const b = await createSession(db, {
    editionId,
    title: `Цифровая кафедра ${uid()}`,
    day: "2025-08-26",
    start: "13:00",
    end: "14:00",
    capacity: 1,
  });
  await createBooking(db, a.id, person.id);
  await createBooking(db, b.id, person.id);
  const [first, second] = [await createParticipant(db, editionId), await createParticipant(db, editionId)];
  await createWaitlistEntry(db, b.id, first.id);
  await createWaitlistEntry(db, b.id, second.id);
  return { person, hall, a, b, first, second };
}

/** Everything a swap could change, to compare before and after a refusal. */
async function snapshot(sessionIds: string[]) {
  return {
    bookings: await db.booking.findMany({
      where: { sessionId: { in: sessionIds } },
      select: { sessionId: true, userId: true },
      orderBy: [{ sessionId: "asc" }, { userId: "asc" }],
    }),
    counts: await db.programmeSession.findMany({
      where: { id: { in: sessionIds } },
      select: { id: true, bookedCount: true },
      orderBy: { id: "asc" },
    }),
    queue: await db.waitlistEntry.findMany({
      where: { sessionId: { in: sessionIds } },
      select: { sessionId: true, userId: true },
      orderBy: { seq: "asc" },
    }),
    mail: await db.outboxMessage.count(),
  };
}

const seatsOf = async (userId: string) =>
  (await db.booking.findMany({ where: { userId }, select: { sessionId: true } })).map((b) => b.sessionId).sort();

describe("booking.clash", () => {
  it("shows both seats of a clashing pair with time and room", async () => {
    const { person, hall, a, b } = await clashingPair();
    const view = await as(person).booking.clash({ a: a.id, b: b.id });
    expect(view).toMatchObject({
      state: "clash",
      timeZone: "Europe/Moscow",
      a: { id: a.id, title: a.title, booked: true, room: { name: hall.name }, startsAt: a.startsAt },
      b: { id: b.id, title: b.title, booked: true, room: null, endsAt: b.endsAt },
    });
  });

  it("says a pair is unknown, not the person's, or no longer clashing", async () => {
    const { person, a, b } = await clashingPair();
    const stranger = await createParticipant(db, editionId);
    expect(await as(stranger).booking.clash({ a: a.id, b: b.id })).toMatchObject({ state: "notYours" });
    expect(await as(person).booking.clash({ a: a.id, b: "no-such-session" })).toEqual({ state: "unknown" });
    expect(await as(person).booking.clash({ a: a.id, b: a.id })).toEqual({ state: "unknown" });
    const draft = await createSession(db, { editionId, status: "DRAFT", day: "2025-08-26", start: "12:00" });
    await createBooking(db, draft.id, person.id);
    expect(await as(person).booking.clash({ a: a.id, b: draft.id })).toEqual({ state: "unknown" });
    const closed = await createSession(db, { editionId, isClosed: true, day: "2025-08-26", start: "12:00" });
    await createBooking(db, closed.id, person.id);
    // The closed meeting is never named, even to someone holding a seat there.
    expect(await as(person).booking.clash({ a: a.id, b: closed.id })).toEqual({ state: "unknown" });
    await db.programmeSession.update({
      where: { id: b.id },
      data: { startsAt: new Date(a.endsAt), endsAt: new Date(a.endsAt.getTime() + 3_600_000) },
    });
    expect(await as(person).booking.clash({ a: a.id, b: b.id })).toMatchObject({ state: "noClash" });
  });

  it("is for signed-in people only", async () => {
    const { a, b } = await clashingPair();
    await expect(as(null).booking.clash({ a: a.id, b: b.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("booking.resolveClash", () => {
  it("keeps A and cancels B: B's seat goes to the first in its queue, both are mailed", async () => {
    const { person, a, b, first, second } = await clashingPair();
    const result = await as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: b.id });
    expect(result).toEqual({ keptSessionId: a.id, cancelledSessionId: b.id, promoted: 1 });
    expect(await seatsOf(person.id)).toEqual([a.id]);
    expect(await seatsOf(first.id)).toEqual([b.id]);
    expect(await seatsOf(second.id)).toEqual([]);
    expect(await db.waitlistEntry.findMany({ where: { sessionId: b.id }, select: { userId: true } })).toEqual([
      { userId: second.id },
    ]);
    const counts = await db.programmeSession.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { id: true, bookedCount: true },
    });
    expect(Object.fromEntries(counts.map((c) => [c.id, c.bookedCount]))).toEqual({ [a.id]: 1, [b.id]: 1 });
    await renderPendingMail({ db });
    const cancelled = await db.outboxMessage.findMany({ where: { to: person.email, kind: "booking.cancelled" } });
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.subject).toContain(b.title);
    expect(await db.outboxMessage.count({ where: { to: first.email, kind: "booking.promoted" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: second.email, kind: "booking.promoted" } })).toBe(0);
    // Done once: the same choice again is refused, and the pair no longer shows as a clash.
    await expect(as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: b.id })).rejects.toMatchObject(
      { code: "CONFLICT" },
    );
    expect(await as(person).booking.clash({ a: a.id, b: b.id })).toMatchObject({
      state: "notYours",
      a: { booked: true },
      b: { booked: false },
    });
  });

  it("keeps B and cancels A in the other direction, promoting A's first in the queue", async () => {
    const { person, a, b, first } = await clashingPair();
    await db.programmeSession.update({ where: { id: a.id }, data: { capacity: 1 } });
    const waiting = await createParticipant(db, editionId);
    await createWaitlistEntry(db, a.id, waiting.id);
    const result = await as(person).booking.resolveClash({ keepSessionId: b.id, cancelSessionId: a.id });
    expect(result).toEqual({ keptSessionId: b.id, cancelledSessionId: a.id, promoted: 1 });
    expect(await seatsOf(person.id)).toEqual([b.id]);
    expect(await seatsOf(waiting.id)).toEqual([a.id]);
    // B's queue is untouched: its seat was kept.
    expect(await seatsOf(first.id)).toEqual([]);
    expect(await db.waitlistEntry.count({ where: { sessionId: b.id } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { to: person.email, kind: "booking.cancelled" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: waiting.email, kind: "booking.promoted" } })).toBe(1);
  });

  it("refuses a pair that is not the person's, unknown ids, a closed session and a pair no longer clashing, changing nothing", async () => {
    const { person, a, b } = await clashingPair();
    const stranger = await createParticipant(db, editionId);
    const closed = await createSession(db, { editionId, isClosed: true, day: "2025-08-26", start: "12:00" });
    await createBooking(db, closed.id, person.id);
    const ids = [a.id, b.id, closed.id];
    const before = await snapshot(ids);

    await expect(
      as(stranger).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: b.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: "no-such-session" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: a.id })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(
      as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: closed.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await snapshot(ids)).toEqual(before);

    // Only one of the two is the person's seat.
    const other = await createSession(db, { editionId, day: "2025-08-26", start: "12:30", end: "13:00" });
    await expect(
      as(person).booking.resolveClash({ keepSessionId: other.id, cancelSessionId: a.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("Ничего не изменено") });
    expect(await snapshot(ids)).toEqual(before);

    // Moved apart again by the organisers: nothing to choose.
    await db.programmeSession.update({
      where: { id: b.id },
      data: { startsAt: new Date(a.endsAt), endsAt: new Date(a.endsAt.getTime() + 3_600_000) },
    });
    await expect(as(person).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: b.id })).rejects.toMatchObject(
      { code: "CONFLICT", message: expect.stringContaining("больше не пересекаются") },
    );
    expect(await snapshot(ids)).toEqual(before);
    expect(await seatsOf(person.id)).toEqual([a.id, b.id, closed.id].sort());
  });

  it("refuses a guest", async () => {
    const { a, b } = await clashingPair();
    await expect(as(null).booking.resolveClash({ keepSessionId: a.id, cancelSessionId: b.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
