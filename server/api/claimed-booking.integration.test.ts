/**
 * booking.book over HTTP with a real session cookie, through the handler production runs
 * (server/api/handler.ts): a request calling only booking.book is not preceded by a User read —
 * the booking's own lock of the person checks the cookie's session version. A revoked session
 * (password changed, account deleted) books nothing and changes nothing; the answer speaks the
 * person's stored language; other calls still resolve the person first.
 */
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleTrpc } from "~/server/api/handler";
import { forgetCachedSessions } from "~/server/auth/session-cache";
import type { Db } from "~/server/db/client";
import { env } from "~/server/env";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createBooking, createEdition, createParticipant, createSession, uid } from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let editionId: string;
const savedSecret = env.AUTH_SECRET;
const secret = "integration-secret-0123456789abcdefghijklmnop";
const salt = "authjs.session-token";

beforeAll(async () => {
  (env as { AUTH_SECRET?: string }).AUTH_SECRET = secret;
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
});

afterAll(async () => {
  (env as { AUTH_SECRET?: string }).AUTH_SECRET = savedSecret;
  await testDb?.close();
});

// Each case starts with nobody cached, as a process that has not seen the cookie yet.
beforeEach(() => forgetCachedSessions());

async function cookieOf(userId: string, sessionVersion: number, extra = ""): Promise<string> {
  const token = await encode({ token: { uid: userId, sv: sessionVersion }, secret, salt, maxAge: 3600 });
  return `${salt}=${token}${extra}`;
}

type Answer = { status: number; body: unknown };

async function call(cookie: string | null, path: string, input: unknown): Promise<Answer> {
  const headers = new Headers({ "content-type": "application/json" });
  if (cookie) headers.set("cookie", cookie);
  const res = await handleTrpc(
    new Request(`http://127.0.0.1/api/trpc/${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ json: input }),
    }),
    async () => db,
  );
  return { status: res.status, body: await res.json() };
}

const outcome = (a: Answer) =>
  (a.body as { result?: { data?: { json?: { outcome?: string } } } }).result?.data?.json?.outcome;
const message = (a: Answer) => (a.body as { error?: { json?: { message?: string } } }).error?.json?.message;

/** What a booking could have written for a person and a session. */
async function footprint(userId: string, sessionId: string) {
  const [bookings, waits, mails, session] = await Promise.all([
    db.booking.count({ where: { userId, sessionId } }),
    db.waitlistEntry.count({ where: { userId, sessionId } }),
    db.outboxMessage.count({ where: { payload: { path: ["userId"], equals: userId } } }),
    db.programmeSession.findUniqueOrThrow({ where: { id: sessionId }, select: { bookedCount: true } }),
  ]);
  return { bookings, waits, mails, bookedCount: session.bookedCount };
}

describe("booking.book with the cookie's claim", () => {
  it("books for a valid cookie: the seat, the counter and the confirmation mail", async () => {
    const person = await createParticipant(db, editionId);
    const session = await createSession(db, { editionId, title: `Кадры для отрасли ${uid()}` });
    const answer = await call(await cookieOf(person.id, 0), "booking.book", { sessionId: session.id });
    expect(answer.status).toBe(200);
    expect(outcome(answer)).toBe("BOOKED");
    expect(await footprint(person.id, session.id)).toEqual({ bookings: 1, waits: 0, mails: 1, bookedCount: 1 });
  });

  it("refuses a session whose password changed since, and writes nothing (seat, queue, mail)", async () => {
    const person = await createParticipant(db, editionId);
    const session = await createSession(db, { editionId, capacity: 1 });
    const full = await createSession(db, { editionId, capacity: 1, start: "14:00", end: "15:00" });
    await createBooking(db, full.id, (await createParticipant(db, editionId)).id);
    const old = await cookieOf(person.id, 0);
    await db.user.update({ where: { id: person.id }, data: { sessionVersion: { increment: 1 } } });

    const refused = await call(old, "booking.book", { sessionId: session.id });
    expect(refused.status).toBe(401);
    expect(await footprint(person.id, session.id)).toEqual({ bookings: 0, waits: 0, mails: 0, bookedCount: 0 });
    // Nor a place in a full session's queue.
    const queued = await call(old, "booking.book", { sessionId: full.id, waitlistIfFull: true });
    expect(queued.status).toBe(401);
    expect(await footprint(person.id, full.id)).toMatchObject({ bookings: 0, waits: 0, bookedCount: 1 });

    // The new session's cookie books.
    const fresh = await call(await cookieOf(person.id, 1), "booking.book", { sessionId: session.id });
    expect(outcome(fresh)).toBe("BOOKED");
  });

  it("refuses a swap under a revoked session and keeps both seats as they were", async () => {
    const person = await createParticipant(db, editionId);
    const held = await createSession(db, { editionId, day: "2025-08-27", start: "10:00", end: "11:00" });
    const wanted = await createSession(db, { editionId, day: "2025-08-27", start: "10:30", end: "11:30" });
    await createBooking(db, held.id, person.id);
    await db.programmeSession.update({ where: { id: held.id }, data: { bookedCount: 1 } });
    const old = await cookieOf(person.id, 0);
    await db.user.update({ where: { id: person.id }, data: { sessionVersion: 5 } });

    const refused = await call(old, "booking.book", { sessionId: wanted.id, replaceSessionIds: [held.id] });
    expect(refused.status).toBe(401);
    expect(await footprint(person.id, held.id)).toMatchObject({ bookings: 1, bookedCount: 1 });
    expect(await footprint(person.id, wanted.id)).toMatchObject({ bookings: 0, bookedCount: 0 });

    const swapped = await call(await cookieOf(person.id, 5), "booking.book", {
      sessionId: wanted.id,
      replaceSessionIds: [held.id],
    });
    expect(outcome(swapped)).toBe("BOOKED");
    expect(await footprint(person.id, held.id)).toMatchObject({ bookings: 0, bookedCount: 0 });
    expect(await footprint(person.id, wanted.id)).toMatchObject({ bookings: 1, bookedCount: 1 });
  });

  it("refuses a deleted account's cookie, a forged cookie and no cookie", async () => {
    const person = await createParticipant(db, editionId);
    const session = await createSession(db, { editionId });
    const cookie = await cookieOf(person.id, 0);
    await db.registration.deleteMany({ where: { userId: person.id } });
    await db.user.delete({ where: { id: person.id } });
    expect((await call(cookie, "booking.book", { sessionId: session.id })).status).toBe(401);

    const other = await createParticipant(db, editionId);
    const forged = (await cookieOf(other.id, 0)).slice(0, -4) + "AAAA";
    expect((await call(forged, "booking.book", { sessionId: session.id })).status).toBe(401);
    expect((await call(null, "booking.book", { sessionId: session.id })).status).toBe(401);
    expect(await footprint(other.id, session.id)).toEqual({ bookings: 0, waits: 0, mails: 0, bookedCount: 0 });
  });

  it("answers in the person's stored language, which the cookie alone does not carry", async () => {
    const person = await createParticipant(db, editionId);
    await db.user.update({ where: { id: person.id }, data: { locale: "en" } });
    const free = await createSession(db, { editionId, bookingRequired: false });
    const refused = await call(await cookieOf(person.id, 0), "booking.book", { sessionId: free.id });
    expect(refused.status).toBe(409);
    expect(message(refused)).toMatch(/^Entry to this event is free/);

    const russian = await createParticipant(db, editionId);
    const again = await call(await cookieOf(russian.id, 0, "; lang=en"), "booking.book", { sessionId: free.id });
    // No stored choice: the language cookie speaks.
    expect(message(again)).toMatch(/^Entry to this event is free/);
  });

  it("resolves the person first when the request calls anything else as well", async () => {
    const person = await createParticipant(db, editionId);
    const session = await createSession(db, { editionId });
    const old = await cookieOf(person.id, 0);
    await db.user.update({ where: { id: person.id }, data: { sessionVersion: 1 } });
    const headers = new Headers({ "content-type": "application/json", cookie: old });
    const res = await handleTrpc(
      new Request("http://127.0.0.1/api/trpc/booking.book,booking.star?batch=1", {
        method: "POST",
        headers,
        body: JSON.stringify({
          0: { json: { sessionId: session.id } },
          1: { json: { sessionId: session.id, starred: true } },
        }),
      }),
      async () => db,
    );
    const answers = (await res.json()) as { error?: { json?: { data?: { code?: string } } } }[];
    expect(answers.map((a) => a.error?.json?.data?.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED"]);
    expect(await footprint(person.id, session.id)).toEqual({ bookings: 0, waits: 0, mails: 0, bookedCount: 0 });
    expect(await db.favourite.count({ where: { userId: person.id } })).toBe(0);
  });
});
