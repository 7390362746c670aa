import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createFavourite,
  createOrganiser,
  createParticipant,
  createRoom,
  createSession,
  createTrack,
  createWaitlistEntry,
} from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;
let trackId: string;
let organiser: SessionUser;

const as = (user: SessionUser | null) => createCaller(createContextInner({ db: testDb.db, user }));

beforeAll(async () => {
  testDb = await createTestDb();
  editionId = (await createEdition(testDb.db)).id;
  trackId = (await createTrack(testDb.db, editionId)).id;
  organiser = await createOrganiser(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

const person = (firstName = "Анна") => createParticipant(testDb.db, editionId, { firstName });

/** Outbox rows per recipient for a kind of mail. */
async function mailCount(kind: string, emails: string[]) {
  const rows = await testDb.db.outboxMessage.findMany({ where: { kind, to: { in: emails } }, select: { to: true } });
  return Object.fromEntries(emails.map((e) => [e, rows.filter((r) => r.to === e).length]));
}

async function fixture(capacity = 2) {
  const hall = await createRoom(testDb.db, editionId, { name: `Зал ${Math.random()}`, capacity: 100 });
  const session = await createSession(testDb.db, {
    editionId,
    trackId,
    roomId: hall.id,
    title: `Кадры для атома ${Math.random().toString(36).slice(2, 6)}`,
    day: "2025-08-26",
    start: "12:00",
    end: "13:30",
    capacity,
  });
  return { hall, session };
}

describe("moving a published session", () => {
  it("tells exactly the people concerned, once each, with the old and new values", async () => {
    const { session, hall } = await fixture(2);
    const [booked, bookedAndStarred, waiting, starred, stranger] = await Promise.all([
      person("Борис"),
      person("Вера"),
      person("Глеб"),
      person("Дарья"),
      person("Егор"),
    ]);
    await createBooking(testDb.db, session.id, booked.id);
    await createBooking(testDb.db, session.id, bookedAndStarred.id);
    await createFavourite(testDb.db, session.id, bookedAndStarred.id);
    await createWaitlistEntry(testDb.db, session.id, waiting.id);
    await createFavourite(testDb.db, session.id, starred.id);
    const other = await fixture(5);
    await createBooking(testDb.db, other.session.id, stranger.id);

    const result = await as(organiser).programmeAdmin.moveSession({
      id: session.id,
      day: "2025-08-27",
      start: "15:00",
      roomId: hall.id,
    });
    expect(result.notified).toBe(4);
    const emails = [booked, bookedAndStarred, waiting, starred, stranger].map((p) => p.email);
    expect(await mailCount("programme.changed", emails)).toEqual({
      [booked.email]: 1,
      [bookedAndStarred.email]: 1,
      [waiting.email]: 1,
      [starred.email]: 1,
      [stranger.email]: 0,
    });
    const mail = await testDb.db.outboxMessage.findFirstOrThrow({
      where: { kind: "programme.changed", to: booked.email },
    });
    expect(mail.subject).toBe(`Изменение в программе: ${session.title}`);
    expect(mail.text).toContain("Здравствуйте, Борис Сергеевна!");
    expect(mail.text).toContain("Было: 26 августа, 12:00–13:30 МСК");
    expect(mail.text).toContain("Стало: 27 августа, 15:00–16:30 МСК");
    expect(mail.text).toContain("Вы записаны — ваше место сохраняется.");
    const waitingMail = await testDb.db.outboxMessage.findFirstOrThrow({
      where: { kind: "programme.changed", to: waiting.email },
    });
    expect(waitingMail.text).toContain("Вы в листе ожидания");

    const row = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.revision).toBe(1);
    expect(row.bookedCount).toBe(2);
    expect(row.updatedAt.getTime()).toBeGreaterThan(session.updatedAt.getTime());
    const changes = await testDb.db.programmeChange.findMany({ where: { sessionId: session.id } });
    expect(changes.map((c) => c.kind)).toEqual(["RESCHEDULED"]);
    expect(changes[0]?.summary).toMatch(/было 26 августа, 12:00–13:30 МСК, .*, стало 27 августа, 15:00–16:30 МСК/);

    // The personal schedule shows the new time.
    const schedule = await as(booked).booking.mySchedule();
    const item = schedule.days.flatMap((d) => d.items).find((i) => i.session.id === session.id);
    expect(item?.session.startsAt.toISOString()).toBe("2025-08-27T12:00:00.000Z");

    // Another change, another mail each: once per change.
    const room2 = await createRoom(testDb.db, editionId, { capacity: 100 });
    await as(organiser).programmeAdmin.moveSession({
      id: session.id,
      day: "2025-08-27",
      start: "15:00",
      roomId: room2.id,
    });
    expect(await mailCount("programme.changed", [booked.email, stranger.email])).toEqual({
      [booked.email]: 2,
      [stranger.email]: 0,
    });
    expect(
      (
        await testDb.db.programmeChange.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } })
      ).map((c) => c.kind),
    ).toEqual(["RESCHEDULED", "MOVED"]);
    // Saving without a change of time or room tells nobody.
    await as(organiser).programmeAdmin.moveSession({
      id: session.id,
      day: "2025-08-27",
      start: "15:00",
      roomId: room2.id,
    });
    expect(await mailCount("programme.changed", [booked.email])).toEqual({ [booked.email]: 2 });
  });

  it("tells nobody about changes to drafts", async () => {
    const hall = await createRoom(testDb.db, editionId);
    const draft = await createSession(testDb.db, {
      editionId,
      trackId,
      roomId: hall.id,
      status: "DRAFT",
      day: "2025-08-28",
    });
    const fan = await person();
    await createFavourite(testDb.db, draft.id, fan.id);
    const result = await as(organiser).programmeAdmin.moveSession({
      id: draft.id,
      day: "2025-08-28",
      start: "16:00",
      roomId: hall.id,
    });
    expect(result.notified).toBe(0);
    expect(await mailCount("programme.changed", [fan.email])).toEqual({ [fan.email]: 0 });
    expect(await testDb.db.programmeChange.count({ where: { sessionId: draft.id } })).toBe(0);
  });

  it("warns when booked people would hold another seat at the new time", async () => {
    const { session, hall } = await fixture(5);
    const busy = await person();
    await createBooking(testDb.db, session.id, busy.id);
    const elsewhere = await createSession(testDb.db, {
      editionId,
      trackId,
      day: "2025-08-27",
      start: "10:00",
      end: "11:00",
    });
    await createBooking(testDb.db, elsewhere.id, busy.id);
    const move = { id: session.id, day: "2025-08-27", start: "10:30", roomId: hall.id };
    await expect(as(organiser).programmeAdmin.moveSession(move)).rejects.toMatchObject({ code: "CONFLICT" });
    const saved = await as(organiser).programmeAdmin.moveSession({ ...move, acknowledgeWarnings: true });
    expect(saved.issues.map((i) => i.code)).toEqual(["ATTENDEE_CLASH"]);
  });

  it("after a move into a clash, each affected person is mailed naming both sessions, with a one-click swap link", async () => {
    const { session, hall } = await fixture(5);
    const [busy, free] = await Promise.all([person("Ирина"), person("Олег")]);
    await createBooking(testDb.db, session.id, busy.id);
    await createBooking(testDb.db, session.id, free.id);
    const elsewhere = await createSession(testDb.db, {
      editionId,
      trackId,
      title: `Цифровые двойники ${Math.random().toString(36).slice(2, 6)}`,
      day: "2025-08-28",
      start: "10:00",
      end: "11:00",
    });
    await createBooking(testDb.db, elsewhere.id, busy.id);
    const move = { id: session.id, day: "2025-08-28", start: "10:30", roomId: hall.id };
    const preview = await as(organiser).programmeAdmin.checkMove(move);
    expect(preview.issues).toEqual([expect.objectContaining({ code: "ATTENDEE_CLASH", severity: "warning" })]);
    expect(preview.issues[0]!.message).toMatch(/1 записанного участника/);
    await as(organiser).programmeAdmin.moveSession({ ...move, acknowledgeWarnings: true });

    const clashMail = await testDb.db.outboxMessage.findMany({
      where: { kind: "programme.seat-clash", to: { in: [busy.email, free.email] } },
    });
    expect(clashMail.map((m) => m.to)).toEqual([busy.email]);
    expect(clashMail[0]!.text).toContain(session.title);
    expect(clashMail[0]!.text).toContain(elsewhere.title);
    // One click to the swap page for this pair: the moved session first, the other seat second.
    expect(clashMail[0]!.text).toContain(`/my/clash/${session.id}/${elsewhere.id}`);
    expect(clashMail[0]!.html).toContain(`href="http`);
    expect(clashMail[0]!.html).toContain(`/my/clash/${session.id}/${elsewhere.id}"`);
    // One mail per person per change: the clash notice replaces the plain one; the other attendee gets the plain one.
    expect(await mailCount("programme.changed", [busy.email, free.email])).toEqual({
      [busy.email]: 0,
      [free.email]: 1,
    });
    // Both seats are kept (the documented exception): the person chooses.
    expect(await testDb.db.booking.count({ where: { userId: busy.id } })).toBe(2);
  });
});

describe("cancelling", () => {
  it("releases every seat, empties the waitlist and tells each person once", async () => {
    const { session } = await fixture(1);
    const [booked, waiting1, waiting2, starred] = await Promise.all([person(), person(), person(), person()]);
    await createBooking(testDb.db, session.id, booked.id);
    await createWaitlistEntry(testDb.db, session.id, waiting1.id);
    await createWaitlistEntry(testDb.db, session.id, waiting2.id);
    await createFavourite(testDb.db, session.id, starred.id);
    await createFavourite(testDb.db, session.id, booked.id);

    const result = await as(organiser).programmeAdmin.cancelSession({
      id: session.id,
      reason: "Спикер не смог приехать",
    });
    expect(result).toMatchObject({ notified: 4, releasedSeats: 1, clearedWaitlist: 2 });
    const row = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ status: "CANCELLED", bookedCount: 0, revision: 1 });
    expect(await testDb.db.booking.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await testDb.db.waitlistEntry.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await testDb.db.favourite.count({ where: { sessionId: session.id } })).toBe(2);
    const emails = [booked, waiting1, waiting2, starred].map((p) => p.email);
    expect(Object.values(await mailCount("programme.cancelled", emails))).toEqual([1, 1, 1, 1]);
    const mail = await testDb.db.outboxMessage.findFirstOrThrow({
      where: { kind: "programme.cancelled", to: waiting1.email },
    });
    expect(mail.text).toContain("Причина: Спикер не смог приехать");
    expect(mail.text).toContain("Лист ожидания закрыт");
    expect((await testDb.db.programmeChange.findFirstOrThrow({ where: { sessionId: session.id } })).kind).toBe(
      "CANCELLED",
    );
    // Shown as cancelled; no more changes.
    expect((await as(null).programme.session({ id: session.id })).status).toBe("CANCELLED");
    await expect(
      as(organiser).programmeAdmin.moveSession({ id: session.id, day: "2025-08-27", start: "10:00", roomId: null }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("changing the capacity", () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 6, 1, 9, minute));

  async function update(sessionId: string, capacity: number | null, moveExcessToWaitlist = false) {
    const current = await as(organiser).programmeAdmin.session({ id: sessionId });
    return as(organiser).programmeAdmin.updateSession({
      id: sessionId,
      data: { ...current.values, capacity, roomId: current.values.roomId, trackId: current.values.trackId },
      moveExcessToWaitlist,
      acknowledgeWarnings: true,
    });
  }

  it("refuses fewer seats than confirmed unless asked; then the last booked go to the front of the queue", async () => {
    const { session } = await fixture(5);
    const people = await Promise.all([person("A"), person("B"), person("C"), person("D"), person("E")]);
    for (const [i, p] of people.entries()) await createBooking(testDb.db, session.id, p.id, at(i));
    const waiting = await person("W");
    await createWaitlistEntry(testDb.db, session.id, waiting.id);

    const refused = await update(session.id, 3).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "CONFLICT" });
    expect((refused as Error).message).toContain("уже записано 5 человек");
    expect(await testDb.db.booking.count({ where: { sessionId: session.id } })).toBe(5);

    const result = await update(session.id, 3, true);
    expect(result.movedToWaitlist).toBe(2);
    const row = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ capacity: 3, bookedCount: 3 });
    const seats = await testDb.db.booking.findMany({ where: { sessionId: session.id }, select: { userId: true } });
    expect(seats.map((s) => s.userId).sort()).toEqual(
      people
        .slice(0, 3)
        .map((p) => p.id)
        .sort(),
    );
    const queue = await testDb.db.waitlistEntry.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" } });
    expect(queue.map((q) => q.userId)).toEqual([people[3]!.id, people[4]!.id, waiting.id]);
    expect(
      await mailCount("programme.waitlisted", [people[3]!.email, people[4]!.email, people[0]!.email, waiting.email]),
    ).toEqual({
      [people[3]!.email]: 1,
      [people[4]!.email]: 1,
      [people[0]!.email]: 0,
      [waiting.email]: 0,
    });
    const mail = await testDb.db.outboxMessage.findFirstOrThrow({
      where: { kind: "programme.waitlisted", to: people[4]!.email },
    });
    expect(mail.text).toContain("Вы в начале очереди: 2-й.");
    const status = await as(people[3]!).booking.status({ sessionIds: [session.id] });
    expect(status.sessions[session.id]?.waitlistPosition).toBe(1);
    expect((await testDb.db.programmeChange.findFirstOrThrow({ where: { sessionId: session.id } })).summary).toContain(
      "число мест",
    );

    // Raising it again gives the seats back in queue order, and they are told.
    const raised = await update(session.id, 4);
    expect(raised.promoted).toBe(1);
    expect(await testDb.db.booking.count({ where: { sessionId: session.id, userId: people[3]!.id } })).toBe(1);
    expect(await mailCount("booking.promoted", [people[3]!.email, people[4]!.email])).toEqual({
      [people[3]!.email]: 1,
      [people[4]!.email]: 0,
    });
  });
});
