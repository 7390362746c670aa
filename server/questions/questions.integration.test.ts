import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { toCsv, parseCsv } from "~/server/export/csv";
import { registrationAnswers, registrationsTable } from "~/server/questions/answers-list";
import { fieldName } from "~/server/questions/rules";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createEdition,
  createOrganiser,
  createParticipant,
  registrationForm,
  registrationTableTexts,
} from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let editionId: string;
let regionId: number;
let organiser: SessionUser;
let ip = 0;
const guest = () => createCaller(createContextInner({ db, ip: `10.9.0.${++ip % 250}` }));
const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: `10.9.1.${++ip % 250}` }));

/** The questions every registration in this file meets (the form shows the edition's questions). */
let diet: { id: string; options: { id: string; label: string }[] };
let mentor: { id: string };
let topics: { id: string; options: { id: string; label: string }[] };
let arrival: { id: string };
let note: { id: string };

const fieldErrors = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
  return ((error as TRPCError).cause as ZodError).flatten().fieldErrors as Record<string, string[]>;
};

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  regionId = (
    await db.region.create({
      data: { code: "40", name: "Калужская область", federalDistrict: "CENTRAL", sortOrder: 1 },
    })
  ).id;
  organiser = await createOrganiser(db);
  const api = as(organiser);
  // Required, for students only.
  diet = await api.questions.create({
    kind: "ONE_CHOICE",
    label: "Питание",
    help: "",
    required: true,
    categories: ["STUDENT"],
    options: ["Обычное", "Вегетарианское"],
  });
  mentor = await api.questions.create({
    kind: "YES_NO",
    label: "Нужен наставник?",
    help: "",
    required: false,
    categories: [],
    options: [],
  });
  topics = await api.questions.create({
    kind: "MANY_CHOICES",
    label: "Темы",
    help: "",
    required: false,
    categories: [],
    options: ["ИИ", "Кадры", "Право"],
  });
  arrival = await api.questions.create({
    kind: "DATE",
    label: "Дата приезда",
    help: "",
    required: false,
    categories: [],
    options: [],
  });
  note = await api.questions.create({
    kind: "SHORT_TEXT",
    label: "Комментарий",
    help: "",
    required: false,
    categories: [],
    options: [],
  });
});

afterAll(async () => {
  await testDb?.close();
});

const register = (over: Record<string, unknown>) => guest().account.register(registrationForm({ regionId, ...over }));
const answersOfEmail = async (email: string) => {
  const reg = await db.registration.findFirstOrThrow({ where: { email }, select: { id: true } });
  const rows = await db.registrationAnswer.findMany({ where: { registrationId: reg.id } });
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value]));
};

describe("answers on the registration form", () => {
  it("requires a required question of the chosen category, field by field", async () => {
    const errors = await fieldErrors(register({ category: "STUDENT", answers: {} }));
    expect(errors[fieldName(diet.id)]?.[0]).toMatch(/Ответьте/);
    expect(await db.registration.count({ where: { category: "STUDENT" } })).toBe(0);
  });

  it("stores each kind's answer, typed", async () => {
    const email = `student-${Date.now()}@example.ru`;
    await register({
      email,
      category: "STUDENT",
      answers: {
        [fieldName(diet.id)]: diet.options[1]!.id,
        [fieldName(mentor.id)]: "yes",
        [fieldName(topics.id)]: [topics.options[0]!.id, topics.options[2]!.id],
        [fieldName(arrival.id)]: "2026-08-24",
        [fieldName(note.id)]: "  без лактозы ",
      },
    });
    expect(await answersOfEmail(email)).toEqual({
      [diet.id]: diet.options[1]!.id,
      [mentor.id]: true,
      [topics.id]: [topics.options[0]!.id, topics.options[2]!.id],
      [arrival.id]: "2026-08-24",
      [note.id]: "без лактозы",
    });
  });

  it("refuses unknown options, impossible dates and overlong text", async () => {
    const errors = await fieldErrors(
      register({
        category: "STUDENT",
        answers: {
          [fieldName(diet.id)]: "not-an-option",
          [fieldName(mentor.id)]: "maybe",
          [fieldName(topics.id)]: [topics.options[0]!.id, "forged"],
          [fieldName(arrival.id)]: "2026-02-30",
          [fieldName(note.id)]: "x".repeat(201),
        },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      [diet, mentor, topics, arrival, note].map((q) => fieldName(q.id)).sort(),
    );
    expect(errors[fieldName(arrival.id)]?.[0]).toMatch(/дату/);
    await expect(
      register({ category: "TEACHER", answers: { [fieldName(arrival.id)]: "1066-10-14" } }),
    ).rejects.toThrow();
  });

  it("drops answers to questions of another category", async () => {
    const email = `teacher-${Date.now()}@example.ru`;
    await register({ email, category: "TEACHER", answers: { [fieldName(diet.id)]: diet.options[0]!.id } });
    expect(await answersOfEmail(email)).toEqual({});
  });
});

describe("editing a question never loses answers", () => {
  it("keeps answers when the label changes, refuses removing a chosen option or changing the kind", async () => {
    const api = as(organiser);
    const email = `edit-${Date.now()}@example.ru`;
    await register({ email, category: "STUDENT", answers: { [fieldName(diet.id)]: diet.options[0]!.id } });
    const data = { kind: "ONE_CHOICE" as const, help: "Для обедов", required: true, categories: ["STUDENT" as const] };
    const renamed = await api.questions.update({
      id: diet.id,
      data: { ...data, label: "Обеды", options: ["Обычное", "Вегетарианское", "Постное"] },
    });
    expect(renamed.options.slice(0, 2)).toEqual(diet.options);
    expect((await answersOfEmail(email))[diet.id]).toBe(diet.options[0]!.id);

    await expect(
      api.questions.update({ id: diet.id, data: { ...data, label: "Обеды", options: ["Вегетарианское", "Постное"] } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Обычное") as unknown,
    });
    await expect(
      api.questions.update({ id: diet.id, data: { ...data, kind: "SHORT_TEXT", label: "Обеды", options: [] } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // An option nobody chose may go.
    const trimmed = await api.questions.update({
      id: diet.id,
      data: { ...data, label: "Обеды", options: ["Обычное", "Вегетарианское"] },
    });
    expect(trimmed.options).toEqual(diet.options);
    expect(
      await db.auditLog.count({
        where: { entity: "RegistrationQuestion", entityId: diet.id, action: "question.update" },
      }),
    ).toBe(2);
  });

  it("archives a question with answers instead of deleting it, deletes one without", async () => {
    const api = as(organiser);
    const spare = await api.questions.create({
      kind: "LONG_TEXT",
      label: "Пожелания",
      help: "",
      required: false,
      categories: [],
      options: [],
    });
    const person = await createParticipant(db, editionId);
    await as(person).questions.saveMine({ answers: { [fieldName(spare.id)]: "Больше практики" } });
    expect(await api.questions.remove({ id: spare.id })).toEqual({ archived: true });
    expect((await guest().questions.form()).map((q) => q.id)).not.toContain(spare.id);
    expect(await db.registrationAnswer.count({ where: { questionId: spare.id } })).toBe(1);

    const unused = await api.questions.create({
      kind: "SHORT_TEXT",
      label: "Лишний",
      help: "",
      required: false,
      categories: [],
      options: [],
    });
    expect(await api.questions.remove({ id: unused.id })).toEqual({ archived: false });
    expect(await db.registrationQuestion.count({ where: { id: unused.id } })).toBe(0);

    // The archived question's answer is still exported.
    const table = registrationsTable(await registrationAnswers({ db, input: {} }), registrationTableTexts);
    const back = parseCsv(toCsv([table.header, ...table.rows]));
    const col = back[0]!.indexOf("Пожелания");
    expect(col).toBeGreaterThan(5);
    expect(back.find((r) => r[1] === person.email)?.[col]).toBe("Больше практики");
  });

  it("moves questions up and down", async () => {
    const api = as(organiser);
    const before = (await guest().questions.form()).map((q) => q.id);
    await api.questions.move({ id: before[1]!, direction: "up" });
    const after = (await guest().questions.form()).map((q) => q.id);
    expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
    expect(await api.questions.move({ id: after[0]!, direction: "up" })).toEqual({ moved: false });
  });
});

describe("the organisers' list and the participant's own answers", () => {
  it("filters by a choice answer and exports a column per question", async () => {
    const yes = `yes-${Date.now()}@example.ru`;
    const no = `no-${Date.now()}@example.ru`;
    await register({
      email: yes,
      category: "TEACHER",
      answers: { [fieldName(mentor.id)]: "yes", [fieldName(topics.id)]: [topics.options[1]!.id] },
    });
    await register({ email: no, category: "TEACHER", answers: { [fieldName(mentor.id)]: "no" } });
    const byMentor = await as(organiser).questions.registrations({ questionId: mentor.id, answer: "no" });
    expect(byMentor.registrations.map((r) => r.email)).toContain(no);
    expect(byMentor.registrations.map((r) => r.email)).not.toContain(yes);
    const byTopic = await as(organiser).questions.registrations({
      questionId: topics.id,
      answer: topics.options[1]!.id,
    });
    expect(byTopic.registrations.map((r) => r.email)).toEqual([yes]);

    const table = registrationsTable(byTopic, registrationTableTexts);
    const [header, row] = parseCsv(toCsv([table.header, ...table.rows]));
    expect(row![header!.indexOf("Нужен наставник?")]).toBe("да");
    expect(row![header!.indexOf("Темы")]).toBe("Кадры");
  });

  it("lets the participant change answers until registration closes, and exports them", async () => {
    const person = await createParticipant(db, editionId, { category: "TEACHER" });
    await as(person).questions.saveMine({ answers: { [fieldName(note.id)]: "Первый ответ" } });
    await as(person).questions.saveMine({ answers: { [fieldName(note.id)]: "Второй ответ" } });
    const mine = await as(person).questions.mine();
    expect(mine.editable).toBe(true);
    expect(mine.answers[note.id]).toBe("Второй ответ");
    expect(mine.questions.map((q) => q.id)).not.toContain(diet.id);
    const exported = await as(person).account.exportData();
    expect(JSON.stringify(exported)).toContain("Второй ответ");

    await db.edition.update({ where: { id: editionId }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
    try {
      expect((await as(person).questions.mine()).editable).toBe(false);
      await expect(
        as(person).questions.saveMine({ answers: { [fieldName(note.id)]: "Поздно" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await db.edition.update({ where: { id: editionId }, data: { registrationClosesAt: null } });
    }
  });

  it("keeps the editor to organisers", async () => {
    const person = await createParticipant(db, editionId);
    await expect(as(person).questions.editor()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(guest().questions.registrations({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
