import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { renderPendingMail } from "~/server/booking/notify";
import { fillFreedSeats } from "~/server/booking/service";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createBooking, createEdition, createParticipant, createRoom, createSession } from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;
let roomId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const edition = await createEdition(testDb.db);
  editionId = edition.id;
  roomId = (await createRoom(testDb.db, editionId, { name: "Зал «Ока»" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

/** The invariant everyone relies on: the counter equals the rows, and never exceeds capacity. */
afterEach(async () => {
  const broken = await testDb.db.$queryRaw<{ id: string; bookedCount: number; rows: number }[]>`
    SELECT s.id, s."bookedCount", (SELECT count(*)::int FROM "Booking" b WHERE b."sessionId" = s.id) AS rows
    FROM "ProgrammeSession" s
    WHERE s."bookedCount" <> (SELECT count(*) FROM "Booking" b WHERE b."sessionId" = s.id)
       OR (s.capacity IS NOT NULL AND s."bookedCount" > s.capacity)`;
  expect(broken).toEqual([]);
});

const api = (user: SessionUser | null) => createCaller(createContextInner({ db: testDb.db, user }));
const participant = (over: Parameters<typeof createParticipant>[2] = {}) =>
  createParticipant(testDb.db, editionId, over);
const session = (over: Omit<Parameters<typeof createSession>[1], "editionId"> = {}) =>
  createSession(testDb.db, { editionId, roomId, ...over });

async function expectTrpcError(promise: Promise<unknown>, code: TRPCError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message) expect((error as TRPCError).message).toMatch(message);
}

const counts = async (sessionId: string) => {
  const s = await testDb.db.programmeSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { bookedCount: true },
  });
  const [bookings, waitlist] = await Promise.all([
    testDb.db.booking.count({ where: { sessionId } }),
    testDb.db.waitlistEntry.count({ where: { sessionId } }),
  ]);
  return { bookedCount: s.bookedCount, bookings, waitlist };
};

describe("who may book", () => {
  it("guests get UNAUTHORIZED", async () => {
    const s = await session();
    await expectTrpcError(api(null).booking.book({ sessionId: s.id }), "UNAUTHORIZED");
    await expectTrpcError(api(null).booking.cancel({ sessionId: s.id }), "UNAUTHORIZED");
    await expectTrpcError(api(null).booking.mySchedule(), "UNAUTHORIZED");
  });

  it("an unconfirmed or missing registration gets FORBIDDEN with a clear message", async () => {
    const s = await session();
    const pending = await participant({ status: "PENDING" });
    await expectTrpcError(api(pending).booking.book({ sessionId: s.id }), "FORBIDDEN", /не подтверждена/);
    const cancelled = await participant({ status: "CANCELLED" });
    await expectTrpcError(api(cancelled).booking.book({ sessionId: s.id }), "FORBIDDEN", /зарегистрированные/);
    expect(await counts(s.id)).toEqual({ bookedCount: 0, bookings: 0, waitlist: 0 });
    const status = await api(pending).booking.status({ sessionIds: [s.id] });
    expect(status.viewer).toBe("pending");
  });

  it("draft, cancelled, closed and free-entry sessions are refused", async () => {
    const p = await participant();
    const draft = await session({ status: "DRAFT" });
    const cancelled = await session({ status: "CANCELLED", start: "12:00", end: "13:00" });
    const closed = await session({ isClosed: true, day: "2025-08-26" });
    const free = await session({ bookingRequired: false, capacity: null, day: "2025-08-27" });
    await expectTrpcError(api(p).booking.book({ sessionId: draft.id }), "NOT_FOUND");
    await expectTrpcError(api(p).booking.book({ sessionId: cancelled.id }), "CONFLICT", /отменено/);
    await expectTrpcError(api(p).booking.book({ sessionId: closed.id }), "CONFLICT", /закрытое/);
    await expectTrpcError(api(p).booking.book({ sessionId: free.id }), "CONFLICT", /вход свободный/);
    await expectTrpcError(api(p).booking.book({ sessionId: "no-such-session" }), "NOT_FOUND");
    // A free-entry session can still be starred.
    expect(await api(p).booking.star({ sessionId: free.id, starred: true })).toEqual({ starred: true });
  });

  it("a refused or unanswered booking writes nothing: no seat, no queue place, no mail", async () => {
    const full = await session({ capacity: 1, day: "2025-08-28", start: "09:00", end: "09:30" });
    await api(await participant()).booking.book({ sessionId: full.id });
    const pending = await participant({ status: "PENDING" });
    await expectTrpcError(api(pending).booking.book({ sessionId: full.id, waitlistIfFull: true }), "FORBIDDEN");
    const cancelledFull = await session({ capacity: 1, day: "2025-08-28", start: "16:00", end: "16:30" });
    await api(await participant()).booking.book({ sessionId: cancelledFull.id });
    await testDb.db.programmeSession.update({ where: { id: cancelledFull.id }, data: { status: "CANCELLED" } });
    const p = await participant();
    await expectTrpcError(api(p).booking.book({ sessionId: cancelledFull.id, waitlistIfFull: true }), "CONFLICT");
    expect(await api(p).booking.book({ sessionId: full.id })).toMatchObject({ outcome: "FULL" });
    // A clash is an answer, not a booking.
    const held = await session({ day: "2025-08-28", start: "12:00", end: "13:00" });
    const overlapping = await session({ day: "2025-08-28", start: "12:30", end: "13:30" });
    await api(p).booking.book({ sessionId: held.id });
    expect(await api(p).booking.book({ sessionId: overlapping.id })).toMatchObject({ outcome: "CLASH" });
    expect(await counts(full.id)).toEqual({ bookedCount: 1, bookings: 1, waitlist: 0 });
    expect(await counts(cancelledFull.id)).toEqual({ bookedCount: 1, bookings: 1, waitlist: 0 });
    expect(await counts(overlapping.id)).toEqual({ bookedCount: 0, bookings: 0, waitlist: 0 });
    const mails = await testDb.db.outboxMessage.findMany({
      where: { to: { in: [p.email, pending.email] } },
      select: { kind: true, payload: true },
    });
    expect(mails).toEqual([{ kind: "booking.confirmed", payload: expect.objectContaining({ sessionId: held.id }) }]);
  });

  it("booking opens and closes with the edition's window", async () => {
    const other = await createEdition(testDb.db, { startDay: "2024-08-26" });
    const s = await createSession(testDb.db, { editionId: other.id, day: "2024-08-26" });
    const p = await createParticipant(testDb.db, other.id);
    const hour = 3_600_000;
    await testDb.db.edition.update({ where: { id: other.id }, data: { bookingOpensAt: new Date(Date.now() + hour) } });
    await expectTrpcError(api(p).booking.book({ sessionId: s.id }), "CONFLICT", /ещё не открылась/);
    const before = await api(p).booking.status({ sessionIds: [s.id] });
    expect(before.window.state).toBe("notOpenYet");
    expect(before.sessions[s.id]?.refusal).toBe("notOpenYet");

    await testDb.db.edition.update({
      where: { id: other.id },
      data: { bookingOpensAt: new Date(Date.now() - hour), bookingClosesAt: new Date(Date.now() + hour) },
    });
    expect((await api(p).booking.book({ sessionId: s.id })).outcome).toBe("BOOKED");

    await testDb.db.edition.update({ where: { id: other.id }, data: { bookingClosesAt: new Date(Date.now() - 1) } });
    const s2 = await createSession(testDb.db, { editionId: other.id, day: "2024-08-27" });
    await expectTrpcError(api(p).booking.book({ sessionId: s2.id }), "CONFLICT", /закрыта/);
    // Cancelling stays possible after the window closes: it frees a seat for someone else.
    expect((await api(p).booking.cancel({ sessionId: s.id })).outcome).toBe("CANCELLED");
  });
});

describe("book, cancel, waitlist", () => {
  it("books once, counts the seat, mails a confirmation; cancelling mails too", async () => {
    const s = await session({ capacity: 3, title: "Цифровой колледж" });
    const p = await participant({ firstName: "Мария" });
    expect(await api(p).booking.book({ sessionId: s.id })).toMatchObject({ outcome: "BOOKED", already: false });
    expect(await api(p).booking.book({ sessionId: s.id })).toMatchObject({ outcome: "BOOKED", already: true });
    expect(await counts(s.id)).toEqual({ bookedCount: 1, bookings: 1, waitlist: 0 });
    const status = await api(p).booking.status({ sessionIds: [s.id] });
    expect(status.viewer).toBe("participant");
    expect(status.sessions[s.id]).toMatchObject({ booked: true, seatsLeft: 2, waitlistCount: 0 });

    expect(await api(p).booking.cancel({ sessionId: s.id })).toMatchObject({ outcome: "CANCELLED", promoted: 0 });
    expect(await counts(s.id)).toEqual({ bookedCount: 0, bookings: 0, waitlist: 0 });
    await expectTrpcError(api(p).booking.cancel({ sessionId: s.id }), "NOT_FOUND");

    // Queued inside the seat change without text; never sent before the worker renders it.
    const queued = await testDb.db.outboxMessage.findMany({ where: { to: p.email }, orderBy: { createdAt: "asc" } });
    expect(queued.map((m) => [m.kind, m.subject, m.renderedAt])).toEqual([
      ["booking.confirmed", "", null],
      ["booking.cancelled", "", null],
    ]);
    expect(await renderPendingMail({ db: testDb.db })).toBeGreaterThanOrEqual(2);
    const mail = await testDb.db.outboxMessage.findMany({ where: { to: p.email }, orderBy: { createdAt: "asc" } });
    expect(mail.map((m) => m.kind)).toEqual(["booking.confirmed", "booking.cancelled"]);
    expect(mail[0]!.subject).toBe("Вы записаны: Цифровой колледж");
    expect(mail[0]!.text).toContain("Здравствуйте, Мария Сергеевна!");
    expect(mail[0]!.text).toContain("10:00–11:30 МСК");
    expect(mail[0]!.text).toContain(`/sessions/${s.id}`);
  });

  it("two workers rendering at once take different messages: each is rendered once, in one pass", async () => {
    while ((await renderPendingMail({ db: testDb.db })) > 0);
    const s = await session({ title: "Колледж и работодатель" });
    const p = await participant({ firstName: "Ольга" });
    const payload = { userId: p.id, sessionId: s.id, replaced: [] };
    await testDb.db.outboxMessage.createMany({
      data: Array.from({ length: 12 }, () => ({ kind: "booking.confirmed", to: p.email, payload, renderedAt: null })),
    });
    // Nothing to render it from: marked failed, never sent.
    await testDb.db.outboxMessage.create({
      data: { kind: "booking.confirmed", to: p.email, payload: { userId: p.id }, renderedAt: null },
    });
    const [a, b] = await Promise.all([
      renderPendingMail({ db: testDb.db, limit: 7 }),
      renderPendingMail({ db: testDb.db, limit: 7 }),
    ]);
    expect(a + b).toBe(12);
    expect(await renderPendingMail({ db: testDb.db })).toBe(0);
    const rows = await testDb.db.outboxMessage.findMany({ where: { to: p.email } });
    expect(
      rows.filter((m) => m.status === "PENDING" && m.renderedAt && m.subject === "Вы записаны: Колледж и работодатель"),
    ).toHaveLength(12);
    expect(rows.filter((m) => m.status === "FAILED" && m.renderedAt === null)).toHaveLength(1);
  });

  it("a full session reports FULL, or queues in arrival order when asked", async () => {
    const s = await session({ capacity: 1, day: "2025-08-26" });
    const [a, b, c] = await Promise.all([participant(), participant(), participant()]);
    await api(a).booking.book({ sessionId: s.id });
    expect(await api(b).booking.book({ sessionId: s.id })).toEqual({
      outcome: "FULL",
      sessionId: s.id,
      waitlistCount: 0,
    });
    expect(await api(b).booking.book({ sessionId: s.id, waitlistIfFull: true })).toMatchObject({
      outcome: "WAITLISTED",
      position: 1,
    });
    expect(await api(c).booking.book({ sessionId: s.id, waitlistIfFull: true })).toMatchObject({ position: 2 });
    // Joining twice keeps the place.
    expect(await api(b).booking.book({ sessionId: s.id, waitlistIfFull: true })).toMatchObject({ position: 1 });
    expect((await api(c).booking.status({ sessionIds: [s.id] })).sessions[s.id]).toMatchObject({
      seatsLeft: 0,
      waitlistCount: 2,
      waitlistPosition: 2,
    });
    // b leaves: c moves up.
    await api(b).booking.leaveWaitlist({ sessionId: s.id });
    expect((await api(c).booking.status({ sessionIds: [s.id] })).sessions[s.id]?.waitlistPosition).toBe(1);
  });

  it("a cancellation gives the seat to the first in line, exactly once, and tells them", async () => {
    const s = await session({ capacity: 1, day: "2025-08-27", start: "15:00", end: "16:30" });
    const [holder, first, second] = await Promise.all([participant(), participant(), participant()]);
    await api(holder).booking.book({ sessionId: s.id });
    await api(first).booking.book({ sessionId: s.id, waitlistIfFull: true });
    await api(second).booking.book({ sessionId: s.id, waitlistIfFull: true });
    expect(await api(holder).booking.cancel({ sessionId: s.id })).toMatchObject({ promoted: 1 });
    const booked = await testDb.db.booking.findMany({ where: { sessionId: s.id }, select: { userId: true } });
    expect(booked).toEqual([{ userId: first.id }]);
    expect((await api(second).booking.status({ sessionIds: [s.id] })).sessions[s.id]?.waitlistPosition).toBe(1);
    const promoted = await testDb.db.outboxMessage.findMany({ where: { to: first.email, kind: "booking.promoted" } });
    expect(promoted).toHaveLength(1);
    expect(await testDb.db.outboxMessage.count({ where: { to: second.email } })).toBe(0);
  });
});

describe("clashes and swaps", () => {
  it("refuses an overlapping booking naming the other session, then swaps on request", async () => {
    const day = "2025-08-28";
    const morning = await session({ day, start: "10:00", end: "11:30", title: "Наставничество", capacity: 1 });
    const overlapping = await session({ day, start: "11:00", end: "12:30", title: "Экспорт образования" });
    const [p, waiting] = await Promise.all([participant(), participant()]);
    await api(p).booking.book({ sessionId: morning.id });
    await api(waiting).booking.book({ sessionId: morning.id, waitlistIfFull: true });

    const clash = await api(p).booking.book({ sessionId: overlapping.id });
    expect(clash).toMatchObject({ outcome: "CLASH", clashes: [{ id: morning.id, title: "Наставничество" }] });
    expect(await counts(overlapping.id)).toMatchObject({ bookedCount: 0 });

    const swapped = await api(p).booking.book({ sessionId: overlapping.id, replaceSessionIds: [morning.id] });
    expect(swapped).toMatchObject({ outcome: "BOOKED", replaced: [morning.id] });
    // The freed seat went to the first in line, in the same transaction.
    expect(await testDb.db.booking.findMany({ where: { sessionId: morning.id }, select: { userId: true } })).toEqual([
      { userId: waiting.id },
    ]);
    expect(await counts(morning.id)).toEqual({ bookedCount: 1, bookings: 1, waitlist: 0 });
    await renderPendingMail({ db: testDb.db });
    const confirm = await testDb.db.outboxMessage.findFirst({
      where: { to: p.email, kind: "booking.confirmed", subject: { contains: "Экспорт" } },
    });
    expect(confirm?.text).toContain("«Наставничество» в то же время отменена");
  });

  it("a swap never cancels a clash the person did not agree to", async () => {
    const day = "2025-08-29";
    const a = await session({ day, start: "10:00", end: "11:00" });
    const b = await session({ day, start: "11:00", end: "12:00" });
    const long = await session({ day, start: "10:30", end: "11:30" });
    const p = await participant();
    await api(p).booking.book({ sessionId: a.id });
    await api(p).booking.book({ sessionId: b.id });
    const r = await api(p).booking.book({ sessionId: long.id, replaceSessionIds: [a.id] });
    expect(r).toMatchObject({ outcome: "CLASH" });
    expect(r.outcome === "CLASH" && r.clashes.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(await testDb.db.booking.count({ where: { userId: p.id } })).toBe(2);
  });

  it("promotion skips a waitlisted person who clashes, and they keep their place", async () => {
    const day = "2025-08-25";
    const full = await session({ day, start: "17:00", end: "18:30", capacity: 1 });
    const elsewhere = await session({ day, start: "18:00", end: "19:00" });
    const [holder, busy, free] = await Promise.all([participant(), participant(), participant()]);
    await api(holder).booking.book({ sessionId: full.id });
    await api(busy).booking.book({ sessionId: full.id, waitlistIfFull: true });
    await api(free).booking.book({ sessionId: full.id, waitlistIfFull: true });
    await api(busy).booking.book({ sessionId: elsewhere.id });

    await api(holder).booking.cancel({ sessionId: full.id });
    expect(await testDb.db.booking.findMany({ where: { sessionId: full.id }, select: { userId: true } })).toEqual([
      { userId: free.id },
    ]);
    const busyState = (await api(busy).booking.status({ sessionIds: [full.id] })).sessions[full.id];
    expect(busyState).toMatchObject({ booked: false, waitlistPosition: 1 });

    // The organisers raise the capacity: now the busy person is first, but still clashes.
    await testDb.db.$transaction(async (tx) => {
      await tx.programmeSession.update({ where: { id: full.id }, data: { capacity: 2 } });
      expect(await fillFreedSeats({ tx, sessionId: full.id })).toEqual({ promoted: [] });
    });
    // Once they drop the clashing seat, the next release reaches them.
    await api(busy).booking.cancel({ sessionId: elsewhere.id });
    await testDb.db.$transaction((tx) => fillFreedSeats({ tx, sessionId: full.id }));
    expect(await counts(full.id)).toEqual({ bookedCount: 2, bookings: 2, waitlist: 0 });
  });

  it("promotion skips a waitlisted person whose registration is no longer confirmed", async () => {
    const full = await session({ day: "2025-08-26", start: "17:00", end: "18:30", capacity: 1 });
    const [holder, unconfirmed, next] = await Promise.all([participant(), participant(), participant()]);
    await api(holder).booking.book({ sessionId: full.id });
    await api(unconfirmed).booking.book({ sessionId: full.id, waitlistIfFull: true });
    await api(next).booking.book({ sessionId: full.id, waitlistIfFull: true });
    await testDb.db.registration.updateMany({ where: { userId: unconfirmed.id }, data: { status: "PENDING" } });

    expect(await api(holder).booking.cancel({ sessionId: full.id })).toMatchObject({ promoted: 1 });
    expect(await testDb.db.booking.findMany({ where: { sessionId: full.id }, select: { userId: true } })).toEqual([
      { userId: next.id },
    ]);
    expect(await testDb.db.waitlistEntry.findMany({ where: { sessionId: full.id }, select: { userId: true } })).toEqual(
      [{ userId: unconfirmed.id }],
    );
    expect(await counts(full.id)).toEqual({ bookedCount: 1, bookings: 1, waitlist: 1 });
  });

  it("raising the capacity promotes as many as the new seats, in order", async () => {
    const s = await session({ day: "2025-08-26", start: "15:00", end: "16:00", capacity: 1 });
    const people = await Promise.all(Array.from({ length: 5 }, () => participant()));
    for (const p of people) await api(p).booking.book({ sessionId: s.id, waitlistIfFull: true });
    const promoted = await testDb.db.$transaction(async (tx) => {
      await tx.programmeSession.update({ where: { id: s.id }, data: { capacity: 3 } });
      return fillFreedSeats({ tx, sessionId: s.id });
    });
    expect(promoted.promoted).toEqual([people[1]!.id, people[2]!.id]);
    expect(await counts(s.id)).toEqual({ bookedCount: 3, bookings: 3, waitlist: 2 });
  });
});

describe("concurrency", () => {
  it("200 people racing for 20 seats: exactly 20 booked, 180 queued in commit order", async () => {
    const s = await session({ day: "2025-08-27", start: "10:00", end: "11:30", capacity: 20 });
    const people = await Promise.all(Array.from({ length: 200 }, () => participant()));
    const waitlistedInResolveOrder: string[] = [];
    const results = await Promise.all(
      people.map(async (p) => {
        const r = await api(p).booking.book({ sessionId: s.id, waitlistIfFull: true });
        if (r.outcome === "WAITLISTED") waitlistedInResolveOrder.push(p.id);
        return { userId: p.id, r };
      }),
    );

    expect(results.filter((x) => x.r.outcome === "BOOKED")).toHaveLength(20);
    const waitlisted = results.filter((x) => x.r.outcome === "WAITLISTED");
    expect(waitlisted).toHaveLength(180);
    expect(await counts(s.id)).toEqual({ bookedCount: 20, bookings: 20, waitlist: 180 });

    // Each caller was told a distinct place 1…180, and those places are the seq (commit) order.
    const told = waitlisted.map((x) => (x.r.outcome === "WAITLISTED" ? x.r.position : -1));
    expect([...told].sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    const bySeq = await testDb.db.waitlistEntry.findMany({
      where: { sessionId: s.id },
      orderBy: { seq: "asc" },
      select: { userId: true },
    });
    const byToldPosition = [...waitlisted]
      .sort((a, b) => (a.r.outcome === "WAITLISTED" && b.r.outcome === "WAITLISTED" ? a.r.position - b.r.position : 0))
      .map((x) => x.userId);
    expect(bySeq.map((e) => e.userId)).toEqual(byToldPosition);
    expect(new Set(waitlistedInResolveOrder).size).toBe(180);
  });

  it("concurrent cancellations and bookings keep the counts exact", async () => {
    const s = await session({ day: "2025-08-28", start: "15:00", end: "16:30", capacity: 5 });
    const holders = await Promise.all(Array.from({ length: 5 }, () => participant()));
    for (const h of holders) await api(h).booking.book({ sessionId: s.id });
    const queued = await Promise.all(Array.from({ length: 3 }, () => participant()));
    for (const q of queued) await api(q).booking.book({ sessionId: s.id, waitlistIfFull: true });
    const newcomers = await Promise.all(Array.from({ length: 10 }, () => participant()));

    await Promise.all([
      ...holders.slice(0, 4).map((h) => api(h).booking.cancel({ sessionId: s.id })),
      ...newcomers.map((n) => api(n).booking.book({ sessionId: s.id, waitlistIfFull: true })),
    ]);
    const c = await counts(s.id);
    expect(c.bookedCount).toBe(5);
    expect(c.bookings).toBe(5);
    expect(c.waitlist).toBe(3 + 10 - 4);
    // The three who queued first were served first: each freed seat went to the queue head.
    const bookedIds = new Set(
      (await testDb.db.booking.findMany({ where: { sessionId: s.id }, select: { userId: true } })).map((b) => b.userId),
    );
    for (const q of queued) expect(bookedIds.has(q.id)).toBe(true);
    const overlap = await testDb.db.waitlistEntry.count({ where: { sessionId: s.id, userId: { in: [...bookedIds] } } });
    expect(overlap).toBe(0);
  });

  it("one person racing two overlapping bookings ends with at most one", async () => {
    const day = "2025-08-29";
    const pairs = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const start = `1${i + 3}:00`;
        const a = await session({ day, start, end: `1${i + 3}:45` });
        const b = await session({ day, start: `1${i + 3}:30`, end: `1${i + 4}:15` });
        return { a, b, p: await participant() };
      }),
    );
    for (const { a, b, p } of pairs) {
      const results = await Promise.all([
        api(p).booking.book({ sessionId: a.id }),
        api(p).booking.book({ sessionId: b.id }),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(["BOOKED", "CLASH"]);
      expect(await testDb.db.booking.count({ where: { userId: p.id } })).toBe(1);
    }
  });
});

describe("personal schedule and calendar", () => {
  it("lists seats, queue places and stars by day; only two seats at once are a clash", async () => {
    const day = "2025-08-26";
    const booked = await session({ day, start: "12:00", end: "13:30", title: "Записан" });
    const full = await session({ day, start: "09:00", end: "10:00", capacity: 1, title: "В очереди" });
    const star = await session({ day, start: "13:00", end: "14:00", title: "Избранное" });
    const nextDay = await session({ day: "2025-08-27", start: "09:00", end: "10:00", title: "Завтра" });
    const [p, other] = await Promise.all([participant(), participant()]);
    await api(other).booking.book({ sessionId: full.id });
    await api(p).booking.book({ sessionId: booked.id });
    await api(p).booking.book({ sessionId: full.id, waitlistIfFull: true });
    await api(p).booking.star({ sessionId: star.id, starred: true });
    await api(p).booking.star({ sessionId: nextDay.id, starred: true });
    await api(p).booking.star({ sessionId: booked.id, starred: true });

    const schedule = await api(p).booking.mySchedule();
    expect(schedule.days.map((d) => d.day)).toEqual(["2025-08-26", "2025-08-27"]);
    const first = schedule.days[0]!.items;
    expect(first.map((i) => i.session.title)).toEqual(["В очереди", "Записан", "Избранное"]);
    expect(first[0]).toMatchObject({ booked: false, waitlistPosition: 1, starred: false, clashesWith: [] });
    // A star beside a seat is a choice still open, not a clash.
    expect(first[1]).toMatchObject({ booked: true, starred: true, clashesWith: [] });
    expect(first[2]).toMatchObject({ starred: true, clashesWith: [] });
    expect(schedule.total).toBe(4);
    expect(schedule.clashCount).toBe(0);
    expect(schedule.days.map((d) => d.clashes)).toEqual([[], []]);

    // Two seats at once (an organiser moved one onto the other's hours) are.
    const moved = await session({ day, start: "13:00", end: "13:45", title: "Перенесённый" });
    await createBooking(testDb.db, moved.id, p.id);
    const afterMove = await api(p).booking.mySchedule();
    const after = afterMove.days[0]!.items;
    // Told once, as a pair on its day: the earlier first, the half hour they share.
    expect(afterMove.clashCount).toBe(1);
    expect(afterMove.days[0]!.clashes).toEqual([
      {
        a: { id: booked.id, title: "Записан" },
        b: { id: moved.id, title: "Перенесённый" },
        from: new Date("2025-08-26T13:00:00+03:00"),
        to: new Date("2025-08-26T13:30:00+03:00"),
        minutes: 30,
      },
    ]);
    expect(afterMove.days[1]!.clashes).toEqual([]);
    expect(after.find((i) => i.session.id === booked.id)?.clashesWith).toEqual([
      { id: moved.id, title: "Перенесённый" },
    ]);
    expect(after.find((i) => i.session.id === moved.id)?.clashesWith).toEqual([{ id: booked.id, title: "Записан" }]);
    expect(after.find((i) => i.session.id === star.id)?.clashesWith).toEqual([]);

    // In the personal calendar a seat is busy; a star and a queue place are tentative free time.
    const { personalCalendar } = await import("~/server/booking/calendar/feed");
    const ics = (await personalCalendar({ db: testDb.db, userId: p.id })).replace(/\r\n /g, "");
    const event = (id: string) =>
      new RegExp(
        `BEGIN:VEVENT(?:(?!END:VEVENT)[\\s\\S])*UID:${id}@forum-spo(?:(?!END:VEVENT)[\\s\\S])*END:VEVENT`,
      ).exec(ics)?.[0] ?? "";
    expect(event(booked.id)).toMatch(/STATUS:CONFIRMED[\s\S]*TRANSP:OPAQUE|TRANSP:OPAQUE[\s\S]*STATUS:CONFIRMED/);
    for (const id of [star.id, full.id]) {
      expect(event(id)).toContain("STATUS:TENTATIVE");
      expect(event(id)).toContain("TRANSP:TRANSPARENT");
    }

    await api(p).booking.star({ sessionId: star.id, starred: false });
    expect((await api(p).booking.mySchedule()).total).toBe(4);
  });

  it("serves the feed only for a live token; events carry TZID, UID and status", async () => {
    const { calendarByToken } = await import("~/server/booking/calendar/feed");
    const s = await session({ day: "2025-08-28", start: "09:00", end: "09:45", title: "Утренняя сессия, с запятой" });
    const gone = await session({ day: "2025-08-28", start: "18:00", end: "19:00", title: "Отменённая" });
    const p = await participant();
    await api(p).booking.book({ sessionId: s.id });
    await api(p).booking.star({ sessionId: gone.id, starred: true });
    await testDb.db.programmeSession.update({ where: { id: gone.id }, data: { status: "CANCELLED" } });

    expect(await api(p).booking.calendarFeed()).toEqual({ url: null, stars: true });
    const { url } = await api(p).booking.rotateCalendarFeed();
    const token = /\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url ?? "")?.[1];
    expect(token).toBeDefined();
    const ics = await calendarByToken({ db: testDb.db, token: token! });
    expect(ics).toContain(`UID:${s.id}@forum-spo`);
    expect(ics).toContain("DTSTART;TZID=Europe/Moscow:20250828T090000");
    expect(ics).toContain("SUMMARY:Утренняя сессия\\, с запятой");
    expect(ics).toContain("LOCATION:Зал «Ока»");
    expect(ics).toMatch(new RegExp(`UID:${gone.id}@forum-spo[\\s\\S]*?STATUS:CANCELLED`));

    const { url: url2 } = await api(p).booking.rotateCalendarFeed();
    expect(url2).not.toBe(url);
    expect(await calendarByToken({ db: testDb.db, token: token! })).toBeNull();
    await api(p).booking.revokeCalendarFeed();
    const token2 = /([A-Za-z0-9_-]{43})\.ics$/.exec(url2 ?? "")?.[1];
    expect(await calendarByToken({ db: testDb.db, token: token2! })).toBeNull();
    expect(await calendarByToken({ db: testDb.db, token: "../../etc/passwd" })).toBeNull();
  });
});

describe("the closed meeting", () => {
  it("cannot be starred: its hours are for accredited delegates only", async () => {
    const closed = await session({ isClosed: true, format: "MEETING", capacity: 200 });
    const person = await participant();
    await expect(api(person).booking.star({ sessionId: closed.id, starred: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await testDb.db.favourite.count({ where: { sessionId: closed.id } })).toBe(0);
    // Un-starring is always allowed (idempotent).
    await expect(api(person).booking.star({ sessionId: closed.id, starred: false })).resolves.toEqual({
      starred: false,
    });
  });
});
