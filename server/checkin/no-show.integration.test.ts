import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { renderPendingMail } from "~/server/booking/notify";
import { releaseNoShows } from "~/server/checkin/no-show";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createSession,
  createWaitlistEntry,
  uid,
} from "~/server/test/factories";
import { hashSecret } from "~/server/tickets/secret";

let testDb: TestDb;
let db: Db;
let editionId: string;
let staff: SessionUser;
let organiser: SessionUser;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  staff = await createParticipant(db, editionId, { role: "CHECKIN" });
  organiser = await createOrganiser(db);
}, 120_000);

afterAll(async () => {
  await testDb?.close();
});

/** A full published session starting at 10:00 on 26 August, three booked, two waiting. */
async function fullSession() {
  const session = await createSession(db, {
    editionId,
    title: `Неявка ${uid()}`,
    capacity: 3,
    day: "2025-08-26",
    start: "10:00",
    end: "11:30",
  });
  await db.programmeSession.update({ where: { id: session.id }, data: { status: "PUBLISHED" } });
  const booked = [];
  for (let i = 0; i < 3; i++) {
    const p = await createParticipant(db, editionId);
    await createBooking(db, session.id, p.id);
    booked.push(p);
  }
  const waiting = [];
  for (let i = 0; i < 2; i++) {
    const p = await createParticipant(db, editionId);
    await createWaitlistEntry(db, session.id, p.id);
    waiting.push(p);
  }
  const start = (await db.programmeSession.findUniqueOrThrow({ where: { id: session.id } })).startsAt;
  return { session, booked, waiting, start };
}

async function admitAtDoor(sessionId: string, person: SessionUser) {
  const ticket = await as(person).ticket.mine();
  const res = await as(staff).checkin.scan({
    door: `session:${sessionId}`,
    device: "Зал",
    scans: [{ id: randomUUID(), ticketHash: hashSecret(ticket!.secret), scannedAt: new Date(), walkIn: false }],
  });
  expect(res.results[0]!.result).toBe("admitted");
}

describe("no-show release", () => {
  it("after the set minutes, gives unscanned seats to the waitlist in order and tells everyone", async () => {
    const { session, booked, waiting, start } = await fullSession();
    await as(organiser).checkin.setNoShowRelease({ sessionId: session.id, minutes: 15 });
    await admitAtDoor(session.id, booked[0]!);

    // Not yet due: nothing moves.
    expect(await releaseNoShows({ db, now: new Date(start.getTime() + 14 * 60_000) })).toEqual([]);
    expect(await db.booking.count({ where: { sessionId: session.id } })).toBe(3);

    const [run] = await releaseNoShows({ db, now: new Date(start.getTime() + 16 * 60_000) });
    expect(run!.released.sort()).toEqual([booked[1]!.id, booked[2]!.id].sort());
    expect(run!.promoted.sort()).toEqual(waiting.map((w) => w.id).sort());
    const seats = await db.booking.findMany({ where: { sessionId: session.id }, select: { userId: true } });
    expect(seats.map((s) => s.userId).sort()).toEqual([booked[0]!.id, ...waiting.map((w) => w.id)].sort());
    const row = await db.programmeSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.bookedCount).toBe(3);
    expect(row.noShowReleasedAt).toBeInstanceOf(Date);

    // Once only.
    expect(await releaseNoShows({ db, now: new Date(start.getTime() + 20 * 60_000) })).toEqual([]);

    await renderPendingMail({ db });
    const released = await db.outboxMessage.findFirstOrThrow({
      where: { to: booked[1]!.email, kind: "booking.noShowReleased" },
    });
    expect(released.text).toContain("Вас не отметили у двери");
    const promoted = await db.outboxMessage.findFirstOrThrow({
      where: { to: waiting[0]!.email, kind: "booking.promoted" },
    });
    // The seat mail announces the rule.
    expect(promoted.text).toContain("через 15 минут после начала");
    expect(await db.outboxMessage.count({ where: { to: booked[0]!.email, kind: { startsWith: "booking." } } })).toBe(0);
  });

  it("leaves sessions without the option alone, and runs once when two workers race", async () => {
    const off = await fullSession();
    const on = await fullSession();
    await as(organiser).checkin.setNoShowRelease({ sessionId: on.session.id, minutes: 10 });
    const at = new Date(on.start.getTime() + 30 * 60_000);
    const runs = await Promise.all([releaseNoShows({ db, now: at }), releaseNoShows({ db, now: at })]);
    const mine = runs.flat().filter((r) => r.sessionId === on.session.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.released).toHaveLength(3);
    expect(runs.flat().some((r) => r.sessionId === off.session.id)).toBe(false);
    expect(await db.booking.count({ where: { sessionId: off.session.id } })).toBe(3);
    const row = await db.programmeSession.findUniqueOrThrow({ where: { id: on.session.id } });
    expect(row.bookedCount).toBe(await db.booking.count({ where: { sessionId: on.session.id } }));
    expect(row.bookedCount).toBeLessThanOrEqual(3);
    expect(await db.auditLog.count({ where: { action: "session.noShowRelease", entityId: on.session.id } })).toBe(1);
  });
});
