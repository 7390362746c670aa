/**
 * Registering again after a cancellation (issue 11): the cancelled registration comes back with
 * the category, region, answers and consent given now; refusals change nothing; two submits at
 * once give one registration.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { fieldName } from "~/server/questions/rules";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createParticipant } from "~/server/test/factories";
import { holdRowLock, lockWaiters } from "~/server/test/races";
import { issueMissingTickets } from "~/server/tickets/service";
import { refusal } from "~/server/test/refusal";

let testDb: TestDb;
let db: Db;
let editionId: string;
let regionId: number;
let ip = 0;
const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.7.0.${++ip % 250}` }));

/** Required for students only; open to everyone. */
let housing: { id: string; options: { id: string; label: string }[] };
let topic: { id: string };

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  regionId = (
    await db.region.create({
      data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 },
    })
  ).id;
  const organiser = await as(await createOrganiser(db));
  housing = await organiser.questions.create({
    kind: "ONE_CHOICE",
    label: "Общежитие",
    help: "",
    required: true,
    categories: ["STUDENT"],
    options: ["Нужно", "Не нужно"],
  });
  topic = await organiser.questions.create({
    kind: "SHORT_TEXT",
    label: "Тема доклада",
    help: "",
    required: false,
    categories: [],
    options: [],
  });
});

afterAll(async () => {
  await testDb?.close();
});

beforeEach(async () => {
  await db.edition.update({
    where: { id: editionId },
    data: { registrationOpensAt: null, registrationClosesAt: null, registrationCap: null },
  });
});

/** A participant who confirmed their address and then cancelled at /account. */
async function cancelledPerson(over: { verified?: boolean } = {}) {
  const person = await createParticipant(db, editionId, { regionId: null });
  await db.user.update({
    where: { id: person.id },
    data: { emailVerified: over.verified === false ? null : new Date() },
  });
  await db.edition.update({ where: { id: editionId }, data: { registrationCount: { increment: 1 } } });
  await issueMissingTickets(db, [person.registrationId]);
  await as(person).account.cancelRegistration();
  return person;
}

const counter = async () => (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;

const studentInput = (over: Record<string, unknown> = {}) => ({
  category: "STUDENT" as const,
  regionId,
  consent: true as const,
  answers: { [fieldName(housing.id)]: housing.options[0]!.id, [fieldName(topic.id)]: "Кадры для региона" },
  ...over,
});

/** What a refusal must leave untouched. */
async function snapshot(person: { id: string; email: string; registrationId: string }) {
  return {
    registration: await db.registration.findUniqueOrThrow({
      where: { id: person.registrationId },
      select: { status: true, category: true, regionId: true, cancelledAt: true, consentVersion: true },
    }),
    answers: await db.registrationAnswer.count({ where: { registrationId: person.registrationId } }),
    tickets: await db.ticket.count({ where: { registrationId: person.registrationId, revokedAt: null } }),
    mail: await db.outboxMessage.count({ where: { to: person.email } }),
    counter: await counter(),
  };
}

describe("registering again after a cancellation", () => {
  it("brings the registration back confirmed, counted, with the new answers and a new ticket mailed", async () => {
    const person = await cancelledPerson();
    const oldTicket = await db.ticket.findFirstOrThrow({ where: { registrationId: person.registrationId } });
    expect(oldTicket.revokedAt).not.toBeNull();
    expect(await as(person).account.registerAgainState()).toMatchObject({
      state: "cancelled",
      window: { state: "open" },
      previous: { category: "TEACHER" },
    });
    const before = await counter();

    expect(await as(person).account.registerAgain(studentInput())).toEqual({ status: "CONFIRMED" });

    const row = await db.registration.findUniqueOrThrow({ where: { id: person.registrationId } });
    expect(row).toMatchObject({ status: "CONFIRMED", cancelledAt: null, category: "STUDENT", regionId });
    expect(row.consentVersion).toBe("2025-08-01");
    expect(await counter()).toBe(before + 1);
    const answers = await db.registrationAnswer.findMany({ where: { registrationId: person.registrationId } });
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({
      [housing.id]: housing.options[0]!.id,
      [topic.id]: "Кадры для региона",
    });
    const active = await db.ticket.findMany({ where: { registrationId: person.registrationId, revokedAt: null } });
    expect(active).toHaveLength(1);
    expect(active[0]!.id).not.toBe(oldTicket.id);
    expect(await db.outboxMessage.count({ where: { to: person.email, kind: "registration.ticket" } })).toBe(1);
    expect(await as(person).account.registerAgainState()).toMatchObject({ state: "active" });
    // The participant's own answers are theirs to edit again.
    expect(await as(person).questions.mine()).toMatchObject({ editable: true });
  });

  it("keeps an unconfirmed address pending and mails a confirmation link", async () => {
    const person = await cancelledPerson({ verified: false });
    expect(await as(person).account.registerAgain(studentInput({ category: "TEACHER", answers: {} }))).toEqual({
      status: "PENDING",
    });
    expect(await db.registration.findUniqueOrThrow({ where: { id: person.registrationId } })).toMatchObject({
      status: "PENDING",
      confirmedAt: null,
      category: "TEACHER",
    });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: person.email, kind: "registration.confirm" } });
    expect(mail.text).toContain("/register/confirm?token=");
  });

  it("ignores answers to questions of another category", async () => {
    const person = await cancelledPerson();
    await as(person).account.registerAgain(
      studentInput({ category: "TEACHER", answers: { [fieldName(housing.id)]: "not-an-option" } }),
    );
    expect(await db.registrationAnswer.count({ where: { registrationId: person.registrationId } })).toBe(0);
  });

  it("drops the answers of the old category's questions when the category changes", async () => {
    const person = await cancelledPerson();
    // Given when this person was a student: the housing question is asked of students only.
    await db.registrationAnswer.create({
      data: { registrationId: person.registrationId, questionId: housing.id, value: housing.options[0]!.id },
    });
    await as(person).account.registerAgain(
      studentInput({ category: "TEACHER", answers: { [fieldName(topic.id)]: "Наставничество" } }),
    );
    const answers = await db.registrationAnswer.findMany({ where: { registrationId: person.registrationId } });
    expect(Object.fromEntries(answers.map((a) => [a.questionId, a.value]))).toEqual({ [topic.id]: "Наставничество" });
  });

  it("refuses a missing required answer field by field, and changes nothing", async () => {
    const person = await cancelledPerson();
    const before = await snapshot(person);
    const error = await refusal(as(person).account.registerAgain(studentInput({ answers: {} })), TRPCError);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeInstanceOf(ZodError);
    const fields = (error.cause as ZodError).flatten().fieldErrors as Record<string, string[]>;
    expect(fields[fieldName(housing.id)]?.[0]).toMatch(/Ответьте/);
    expect(await snapshot(person)).toEqual(before);
  });

  it("refuses without consent, after the window closed, before it opens and when the forum is full", async () => {
    const person = await cancelledPerson();
    const before = await snapshot(person);
    expect(
      (await refusal(as(person).account.registerAgain({ ...studentInput(), consent: false as never }), TRPCError)).code,
    ).toBe("BAD_REQUEST");

    await db.edition.update({
      where: { id: editionId },
      data: { registrationClosesAt: new Date(Date.now() - 60_000) },
    });
    const closed = await refusal(as(person).account.registerAgain(studentInput()), TRPCError);
    expect(closed).toMatchObject({ code: "FORBIDDEN", message: "Регистрация на форум завершена." });
    expect(await as(person).account.registerAgainState()).toMatchObject({ window: { state: "closed" } });

    await db.edition.update({
      where: { id: editionId },
      data: { registrationClosesAt: null, registrationOpensAt: new Date(Date.now() + 3_600_000) },
    });
    expect((await refusal(as(person).account.registerAgain(studentInput()), TRPCError)).code).toBe("FORBIDDEN");

    await db.edition.update({
      where: { id: editionId },
      data: { registrationOpensAt: null, registrationCap: await counter() },
    });
    expect((await refusal(as(person).account.registerAgain(studentInput()), TRPCError)).code).toBe("CONFLICT");
    expect(await snapshot(person)).toEqual(before);
  });

  it("refuses an active registration and a person who never registered", async () => {
    const active = await createParticipant(db, editionId);
    const error = await refusal(as(active).account.registerAgain(studentInput()), TRPCError);
    expect(error.code).toBe("CONFLICT");
    expect(await as(active).account.registerAgainState()).toMatchObject({ state: "active" });

    const stranger = await createOrganiser(db);
    expect((await refusal(as(stranger).account.registerAgain(studentInput()), TRPCError)).code).toBe("NOT_FOUND");
    expect(await as(stranger).account.registerAgainState()).toMatchObject({ state: "none" });
    expect(await db.registration.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("gives one registration when submitted twice at once", async () => {
    const person = await cancelledPerson();
    const before = await counter();
    // On PostgreSQL both calls are made to wait on the person's row, then race for it.
    const held = await holdRowLock(testDb, "User", `id = '${person.id}'`);
    const calls = [1, 2].map(() => as(person).account.registerAgain(studentInput()));
    await lockWaiters(testDb, 2);
    await held.release();
    const results = await Promise.allSettled(calls);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "CONFLICT" });
    expect(await counter()).toBe(before + 1);
    expect(await db.ticket.count({ where: { registrationId: person.registrationId, revokedAt: null } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: person.email, kind: "registration.ticket" } })).toBe(1);
  });
});
