import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { exportHeader, programmeRow } from "~/server/organiser/io/columns";
import { toCsv } from "~/server/export/csv";
import { writeXlsx } from "~/server/export/xlsx";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createRoom,
  createSession,
  createSpeaker,
  createTrack,
} from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;
let organiser: SessionUser;
let sessionId: string;

const as = (user: SessionUser | null) => createCaller(createContextInner({ db: testDb.db, user }));
const HEADER = "Код;День;Начало;Окончание;Трек;Формат;Название;Описание;Зал;Мест;Закрытое;Запись;Модераторы;Спикеры";
const csvFile = (lines: string[]) => ({
  fileName: "programme.csv",
  data: Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}`, "utf8").toString("base64"),
});

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  editionId = (await createEdition(db)).id;
  await createTrack(db, editionId, { code: "quality" });
  await createRoom(db, editionId, { name: "Зал «Ока»", capacity: 100 });
  await createRoom(db, editionId, { name: "Зал «Угра»", capacity: 40 });
  await createSpeaker(db, editionId, { fullName: "Иванова Мария Петровна" });
  organiser = await createOrganiser(db);
  sessionId = (
    await createSession(db, {
      editionId,
      roomId: (await db.room.findFirstOrThrow({ where: { name: "Зал «Угра»" } })).id,
      title: "Существующая сессия",
      day: "2025-08-27",
      start: "10:00",
      end: "11:00",
      capacity: 30,
    })
  ).id;
});

afterAll(async () => {
  await testDb?.close();
});

async function counts() {
  const { db } = testDb;
  const [sessions, speakers, audit, changes, outbox] = await Promise.all([
    db.programmeSession.count(),
    db.speaker.count(),
    db.auditLog.count(),
    db.programmeChange.count(),
    db.outboxMessage.count(),
  ]);
  return { sessions, speakers, audit, changes, outbox };
}

describe("import", () => {
  const good =
    ";25.08.2025;10:00;11:30;quality;Круглый стол;Наставничество;Про **наставников**;Зал «Ока»;60;нет;да;Иванова Мария Петровна;Новиков Олег";

  it("previews each row as create, update, unchanged or error, and writes nothing", async () => {
    const before = await counts();
    const report = await as(organiser).programmeAdmin.importPreview(
      csvFile([
        good,
        `${sessionId};27.08.2025;10:00;11:00;;Круглый стол;Существующая сессия;;Зал «Угра»;30;нет;да;;`,
        `${sessionId};27.08.2025;10:00;11:00;;Круглый стол;Существующая сессия;;Зал «Угра»;35;нет;да;;`,
        ";25.08.2025;11:00;12:00;quality;Танцы;Плохая строка;;Нет такого зала;;;;;",
        ";25.08.2025;11:00;12:30;quality;Круглый стол;Занятый зал;;Зал «Ока»;20;нет;да;;",
      ]),
    );
    expect(report.fileErrors).toEqual([]);
    expect(report.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "create"],
      [3, "unchanged"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
    ]);
    expect(report.rows[0]?.newSpeakers).toEqual(["Новиков Олег"]);
    expect(report.rows[2]?.errors).toEqual([`Код «${sessionId}» уже был в строке 3.`]);
    expect(report.rows[3]?.errors).toEqual([
      expect.stringMatching(/^Неизвестный формат «Танцы»/),
      "Нет зала «Нет такого зала».",
    ]);
    // Checked against the rows above it: the new session takes «Ока» from 10:00 to 11:30.
    expect(report.rows[4]?.errors).toEqual(["Зал занят: в это время в нём «Наставничество» (10:00–11:30)."]);
    expect(report.counts).toEqual({ total: 5, create: 1, update: 0, unchanged: 1, error: 3 });
    expect(await counts()).toEqual(before);
  });

  it("an import with one bad row writes nothing at all", async () => {
    const before = await counts();
    const error = await as(organiser)
      .programmeAdmin.importApply(csvFile([good, ";31.02.2025;10:00;11:00;;Круглый стол;Ошибка даты;;;;;;;"]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect((error as Error).message).toContain("В файле есть ошибки (1)");
    expect(await counts()).toEqual(before);
  });

  it("refuses files with wrong columns", async () => {
    const file = { fileName: "x.csv", data: Buffer.from("Название;Когда\nА;Б").toString("base64") };
    const report = await as(organiser).programmeAdmin.importPreview(file);
    expect(report.fileErrors).toEqual(["Нет обязательных столбцов: День, Начало, Окончание, Формат."]);
    await expect(as(organiser).programmeAdmin.importApply(file)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("applies a good file in one go: new drafts, updates with notice to participants, audit rows", async () => {
    const fan = await createParticipant(testDb.db, editionId);
    await createBooking(testDb.db, sessionId, fan.id);
    const report = await as(organiser).programmeAdmin.importApply(
      csvFile([
        good.replace("Наставничество", "Наставничество 2").replace("10:00;11:30", "14:00;15:30"),
        `${sessionId};27.08.2025;12:00;13:00;;Круглый стол;Существующая сессия;;Зал «Угра»;30;нет;да;;`,
      ]),
    );
    expect(report.counts).toMatchObject({ create: 1, update: 1, error: 0 });
    const created = await testDb.db.programmeSession.findFirstOrThrow({
      where: { title: "Наставничество 2" },
      select: {
        status: true,
        description: true,
        speakers: { select: { role: true, speaker: { select: { fullName: true } } } },
      },
    });
    expect(created.status).toBe("DRAFT");
    expect(created.speakers.map((s) => [s.role, s.speaker.fullName]).sort()).toEqual([
      ["MODERATOR", "Иванова Мария Петровна"],
      ["SPEAKER", "Новиков Олег"],
    ]);
    expect(await testDb.db.outboxMessage.count({ where: { kind: "programme.changed", to: fan.email } })).toBe(1);
    const actions = (
      await testDb.db.auditLog.findMany({ where: { actorId: organiser.id }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["session.import.create", "session.import.update", "speaker.create", "programme.import"]),
    );
  });

  it("reads XLSX files, and an exported table imports back unchanged", async () => {
    const exported = await as(organiser).programmeAdmin.exportProgramme();
    const rows = exported.sessions.map((s) => programmeRow(s, exported.timeZone));
    const xlsx = await writeXlsx([{ name: "Программа", header: exportHeader(), rows }]);
    const report = await as(organiser).programmeAdmin.importPreview({
      fileName: "programme.xlsx",
      data: Buffer.from(xlsx).toString("base64"),
    });
    expect(report.fileErrors).toEqual([]);
    expect(report.rows.every((r) => r.action === "unchanged")).toBe(true);
    const csv = toCsv([exportHeader(), ...rows]);
    const again = await as(organiser).programmeAdmin.importPreview({
      fileName: "programme.csv",
      data: Buffer.from(csv).toString("base64"),
    });
    expect(again.rows.map((r) => r.action)).toEqual(rows.map(() => "unchanged"));
  });

  it("keeps track editors to their tracks row by row", async () => {
    const other = await createTrack(testDb.db, editionId, { code: "mine" });
    const editor = await createOrganiser(testDb.db, { trackIds: [other.id] });
    const report = await as(editor).programmeAdmin.importPreview(
      csvFile([
        good.replace("10:00;11:30", "16:00;17:00"),
        good.replace("quality", "mine").replace("10:00;11:30", "17:00;18:00"),
      ]),
    );
    expect(report.rows.map((r) => r.action)).toEqual(["error", "create"]);
    expect(report.rows[0]?.errors[0]).toContain("только свои треки");
  });
});

describe("exports and attendee lists", () => {
  it("gives organisers the programme and the people of a session; participants are refused", async () => {
    const p = await createParticipant(testDb.db, editionId, { firstName: "Ольга" });
    await createBooking(testDb.db, sessionId, p.id);
    const list = await as(organiser).programmeAdmin.attendees({ sessionId });
    expect(list.people.find((x) => x.email === p.email)).toMatchObject({
      status: "booked",
      fullName: "Участникова Ольга Сергеевна",
    });
    await expect(as(p).programmeAdmin.attendees({ sessionId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(p).programmeAdmin.exportProgramme()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
