/**
 * The organisers' registration list (/organiser/registration): filters by category, region,
 * status and a question's answer together, pages of rows, and the export of the filtered list.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { registrationsTable } from "~/server/questions/answers-list";
import { fieldName } from "~/server/questions/rules";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createEdition,
  createOrganiser,
  createParticipant,
  createRegion,
  createTrack,
  registrationTableTexts,
} from "~/server/test/factories";

let testDb: TestDb;
let db: Db;
let editionId: string;
let organiser: SessionUser;
const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "10.9.2.1" }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  editionId = (await createEdition(db)).id;
  organiser = await createOrganiser(db);
});

afterAll(async () => {
  await testDb?.close();
});

describe("the registration list's filters", () => {
  it("combines category, region, status and an answer, and pages the rows", async () => {
    const kaluga = await createRegion(db, { name: "Калужская область" });
    const tula = await createRegion(db, { name: "Тульская область" });
    const mentor = await as(organiser).questions.create({
      kind: "YES_NO",
      label: "Нужен наставник?",
      help: "",
      required: false,
      categories: [],
      options: [],
    });
    const people = {
      teacherKaluga: await createParticipant(db, editionId, { category: "TEACHER", regionId: kaluga.id }),
      teacherTula: await createParticipant(db, editionId, { category: "TEACHER", regionId: tula.id }),
      studentKaluga: await createParticipant(db, editionId, { category: "STUDENT", regionId: kaluga.id }),
      pendingKaluga: await createParticipant(db, editionId, {
        category: "TEACHER",
        regionId: kaluga.id,
        status: "PENDING",
      }),
      cancelled: await createParticipant(db, editionId, {
        category: "TEACHER",
        regionId: kaluga.id,
        status: "CANCELLED",
      }),
    };
    await as(people.teacherKaluga).questions.saveMine({ answers: { [fieldName(mentor.id)]: "yes" } });
    await as(people.teacherTula).questions.saveMine({ answers: { [fieldName(mentor.id)]: "no" } });
    const api = as(organiser).questions;
    const emails = async (input: Parameters<typeof api.registrations>[0]) =>
      (await api.registrations(input)).registrations.map((r) => r.email).sort();

    expect(await emails({})).toEqual(
      [people.teacherKaluga, people.teacherTula, people.studentKaluga, people.pendingKaluga].map((p) => p.email).sort(),
    );
    expect(await emails({ category: "TEACHER", regionId: kaluga.id })).toEqual(
      [people.teacherKaluga.email, people.pendingKaluga.email].sort(),
    );
    expect(await emails({ status: "PENDING" })).toEqual([people.pendingKaluga.email]);
    expect(await emails({ regionId: kaluga.id, questionId: mentor.id, answer: "yes" })).toEqual([
      people.teacherKaluga.email,
    ]);
    expect(await emails({ regionId: kaluga.id, questionId: mentor.id, answer: "no" })).toEqual([]);
    // A filter naming no question, or an answer the question cannot have, finds nobody (never everyone).
    expect(await emails({ questionId: "no-such-question", answer: "yes" })).toEqual([]);
    expect(await emails({ questionId: mentor.id, answer: "maybe" })).toEqual([]);
    expect(await emails({ questionId: mentor.id, answer: "no" })).toEqual([people.teacherTula.email]);

    const first = await api.registrations({ limit: 3, page: 1 });
    const second = await api.registrations({ limit: 3, page: 2 });
    expect(first.total).toBe(4);
    expect(first.pageCount).toBe(2);
    expect(first.registrations).toHaveLength(3);
    expect(second.registrations).toHaveLength(1);
    expect(new Set([...first.registrations, ...second.registrations].map((r) => r.email)).size).toBe(4);
    const listed = [...first.registrations, ...second.registrations].find((r) => r.email === people.teacherTula.email);
    expect(listed?.region).toBe("Тульская область");

    const table = registrationsTable(
      await api.registrations({ questionId: mentor.id, answer: "no", limit: 100_000 }),
      registrationTableTexts,
    );
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]![1]).toBe(people.teacherTula.email);
    // The region and the registration's status travel with the person, as on the page.
    expect(table.header.slice(0, 6)).toEqual(Object.values(registrationTableTexts.header));
    expect(table.rows[0]![3]).toBe("Тульская область");
    expect(["PENDING", "CONFIRMED"]).toContain(table.rows[0]![4]);
    expect(table.rows[0]![table.header.indexOf("Нужен наставник?")]).toBe("нет");
  });

  it("refuses a malformed filter and keeps the list from organisers with a track limit", async () => {
    await expect(as(organiser).questions.registrations({ status: "CANCELLED" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(as(organiser).questions.registrations({ page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const track = await createTrack(db, editionId);
    const scoped = await createOrganiser(db, { trackIds: [track.id] });
    await expect(as(scoped).questions.registrations({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("renaming an option in the editor", () => {
  it("keeps the option's id and the answers that chose it; an option without an id is matched by label", async () => {
    const api = as(organiser).questions;
    const format = await api.create({
      kind: "ONE_CHOICE",
      label: "Формат",
      help: "",
      required: false,
      categories: [],
      options: ["Очно", "Заочно"],
    });
    const [inPerson, remote] = format.options as [{ id: string; label: string }, { id: string; label: string }];
    const person = await createParticipant(db, editionId, { category: "TEACHER" });
    await as(person).questions.saveMine({ answers: { [fieldName(format.id)]: inPerson.id } });

    // Without ids (as before), renaming the chosen option would drop it: refused, nothing changes.
    await expect(
      api.update({ id: format.id, data: { ...format, options: ["Очно (Калуга)", "Заочно"] } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const renamed = await api.update({
      id: format.id,
      data: {
        ...format,
        options: ["Очно (Калуга)", "Заочно", "Онлайн"],
        optionIds: [inPerson.id, "", ""],
      },
    });
    expect(renamed.options.map((o) => o.id).slice(0, 2)).toEqual([inPerson.id, remote.id]);
    expect(renamed.options.map((o) => o.label)).toEqual(["Очно (Калуга)", "Заочно", "Онлайн"]);
    const listed = await api.registrations({ questionId: format.id, answer: inPerson.id });
    expect(listed.registrations.map((r) => r.email)).toEqual([person.email]);
    const table = registrationsTable(listed, registrationTableTexts);
    expect(table.rows[0]![table.header.indexOf("Формат")]).toBe("Очно (Калуга)");

    // An id that is not the question's own is ignored (a new option), never taken over.
    const other = await api.update({
      id: format.id,
      data: { ...format, options: ["Очно (Калуга)", "Заочно", "Чужой"], optionIds: [inPerson.id, "", "forged-id"] },
    });
    expect(other.options[2]!.id).not.toBe("forged-id");
    expect(other.options[1]!.id).toBe(remote.id);
  });
});
