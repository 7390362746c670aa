/**
 * Mail for a change of a person's own state: cancelling the registration lists what was freed,
 * and an email change is announced to the address that was left. Each is read from the outbox
 * row the change wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmEmailChange } from "~/server/account/profile-service";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
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
let ip = 0;

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.7.0.${++ip % 250}` }));
const mailsTo = (to: string, kind: string) =>
  db.outboxMessage.findMany({ where: { to, kind }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  // The factories register people without counting them; cancelling takes the count down.
  await db.edition.update({ where: { id: editionId }, data: { registrationCount: 1000 } });
});

afterAll(async () => {
  await testDb?.close();
});

describe("cancelling the registration", () => {
  it("mails the person every seat freed and every queue place given up, with day, time and room", async () => {
    const person = await createParticipant(db, editionId, { firstName: "Марина" });
    const hall = await createRoom(db, editionId, { name: `Зал «Ока» ${uid()}` });
    await db.room.update({ where: { id: hall.id }, data: { floor: "2 этаж" } });
    const seat = await createSession(db, {
      editionId,
      roomId: hall.id,
      title: `Наставничество ${uid()}`,
      day: "2025-08-26",
      start: "12:30",
      end: "14:00",
    });
    const noRoom = await createSession(db, { editionId, title: `Цифровая кафедра ${uid()}`, day: "2025-08-25" });
    const full = await createSession(db, { editionId, title: `Кадры ${uid()}`, day: "2025-08-27", capacity: 1 });
    const other = await createParticipant(db, editionId);
    await createBooking(db, seat.id, person.id);
    await createBooking(db, noRoom.id, person.id);
    await createBooking(db, full.id, other.id);
    await createWaitlistEntry(db, full.id, person.id);

    await as(person).account.cancelRegistration();

    const [mail, ...more] = await mailsTo(person.email, "account.registration-cancelled");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Регистрация на Форум СПО отменена");
    expect(mail!.text.split("\n")[0]).toBe("Здравствуйте, Марина Сергеевна!");
    expect(mail!.text).toContain("Освобождены места (2):");
    // In time order, each with its day and time in Moscow time and its room.
    expect(mail!.text).toContain(`• «${noRoom.title}» — понедельник, 25 августа, 10:00–11:30 МСК, зал уточняется`);
    expect(mail!.text).toContain(`• «${seat.title}» — вторник, 26 августа, 12:30–14:00 МСК, ${hall.name}, 2 этаж`);
    expect(mail!.text.indexOf(noRoom.title)).toBeLessThan(mail!.text.indexOf(seat.title));
    expect(mail!.text).toContain("Вы выбыли из листов ожидания (1):");
    expect(mail!.text).toContain(`• «${full.title}» — среда, 27 августа, 10:00–11:30 МСК`);
    expect(mail!.html).toContain(`<p>• «${noRoom.title}» — понедельник, 25 августа`);
    expect(mail!.text).not.toContain("не было");
    // The seats and the queue place really are gone, in the same change.
    expect(await db.booking.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.waitlistEntry.count({ where: { userId: person.id } })).toBe(0);
  });

  it("says there was nothing to free when the person held no seat and no queue place", async () => {
    const person = await createParticipant(db, editionId, { firstName: "Олег" });
    await as(person).account.cancelRegistration();
    const [mail] = await mailsTo(person.email, "account.registration-cancelled");
    expect(mail!.text).toContain("Записей на мероприятия и мест в листах ожидания у вас не было.");
    expect(mail!.text).not.toContain("Освобождены места");
  });

  it("writes in the person's stored language", async () => {
    const person = await createParticipant(db, editionId, { firstName: "Anna" });
    await db.user.update({ where: { id: person.id }, data: { locale: "en" } });
    const session = await createSession(db, {
      editionId,
      title: `Skills ${uid()}`,
      day: "2025-08-25",
      start: "12:30",
      end: "14:00",
    });
    await createBooking(db, session.id, person.id);
    await as(person).account.cancelRegistration();
    const [mail] = await mailsTo(person.email, "account.registration-cancelled");
    expect(mail!.subject).toBe("Your SVE Forum registration is cancelled");
    expect(mail!.text.split("\n")[0]).toBe("Dear Anna,");
    expect(mail!.text).toContain(`• “${session.title}” — Monday 25 August, 12:30–14:00 MSK, hall to be confirmed`);
    expect(mail!.text).not.toMatch(/[а-яё]/i);
  });

  it("gives the freed seat to the first in the queue, who is mailed too", async () => {
    const person = await createParticipant(db, editionId);
    const [first, second] = [await createParticipant(db, editionId), await createParticipant(db, editionId)];
    const session = await createSession(db, { editionId, title: `Один зал ${uid()}`, capacity: 1 });
    await createBooking(db, session.id, person.id);
    await createWaitlistEntry(db, session.id, first.id);
    await createWaitlistEntry(db, session.id, second.id);
    await as(person).account.cancelRegistration();
    expect(await db.booking.findMany({ where: { sessionId: session.id }, select: { userId: true } })).toEqual([
      { userId: first.id },
    ]);
    expect(await mailsTo(first.email, "booking.promoted")).toHaveLength(1);
    expect(await mailsTo(second.email, "booking.promoted")).toHaveLength(0);
  });

  it("writes no mail when there is no registration to cancel", async () => {
    const person = await createParticipant(db, editionId);
    await as(person).account.cancelRegistration();
    await expect(as(person).account.cancelRegistration()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await mailsTo(person.email, "account.registration-cancelled")).toHaveLength(1);
  });
});

describe("changing the email", () => {
  const tokenFrom = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? "";

  async function requestChange(person: SessionUser, newEmail: string) {
    await as(person).account.requestEmailChange({ email: newEmail });
    const [request] = await mailsTo(newEmail, "account.change-email");
    return tokenFrom(request!.text);
  }

  it("tells the old address, once the new one is confirmed, what it became, when, and what to do if it was not them", async () => {
    const person = await createParticipant(db, editionId, { firstName: "Ирина" });
    const newEmail = `irina.new.${uid()}@example.org`;
    const token = await requestChange(person, newEmail);
    // Nothing is said to the old address before the new one is confirmed.
    expect(await mailsTo(person.email, "account.email-changed")).toHaveLength(0);

    await confirmEmailChange({ db, token, now: new Date("2026-12-03T10:15:00Z") });

    const [mail, ...more] = await mailsTo(person.email, "account.email-changed");
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Адрес для входа на сайт Форума СПО изменён");
    expect(mail!.text.split("\n")[0]).toBe("Здравствуйте, Ирина Сергеевна!");
    // The new address partly masked: its owner recognises it, a stranger reading the old mailbox learns little.
    expect(mail!.text).toContain(`ir•••@example.org`);
    expect(mail!.text).not.toContain(newEmail);
    expect(mail!.text).toContain("3 декабря 2026");
    expect(mail!.text).toContain("13:15 МСК");
    expect(mail!.text).toContain("Если это сделали не вы");
    expect(mail!.text).toMatch(/Восстановить пароль: \S+\/reset$/m);
    // The change itself happened, and the new address gets no copy of this notice.
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(newEmail);
    expect(await mailsTo(newEmail, "account.email-changed")).toHaveLength(0);
  });

  it("writes in the person's stored language", async () => {
    const person = await createParticipant(db, editionId, { firstName: "Anna" });
    await db.user.update({ where: { id: person.id }, data: { locale: "en" } });
    const token = await requestChange(person, `anna.${uid()}@example.org`);
    await confirmEmailChange({ db, token, now: new Date("2026-12-03T10:15:00Z") });
    const [mail] = await mailsTo(person.email, "account.email-changed");
    expect(mail!.subject).toBe("Your sign-in address on the SVE Forum website has changed");
    expect(mail!.text).toContain("an•••@example.org (3 December 2026, 13:15 MSK)");
    expect(mail!.text).toMatch(/Reset the password: \S+\/reset$/m);
  });

  it("sends nothing when the confirmation is refused (the address was taken meanwhile)", async () => {
    const person = await createParticipant(db, editionId);
    const newEmail = `taken.${uid()}@example.org`;
    const token = await requestChange(person, newEmail);
    await createParticipant(db, editionId, { email: newEmail });
    await expect(confirmEmailChange({ db, token })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await mailsTo(person.email, "account.email-changed")).toHaveLength(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(person.email);
  });
});
