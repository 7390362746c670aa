import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { allAttendeeTables, registrationTable } from "~/server/export/door-lists";
import { exportTables } from "~/server/export/file";
import { signInSheetPdf } from "~/server/export/sign-in-sheet";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createRoom,
  createSession,
  createTrack,
  createWaitlistEntry,
} from "~/server/test/factories";
import { pdfText } from "~/server/tickets/testing";

let testDb: TestDb;
let organiser: SessionUser;
let editor: SessionUser;
let roomId: string;
let first: string;
let second: string;

const as = (user: SessionUser) => createCaller(createContextInner({ db: testDb.db, user }));

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const editionId = (await createEdition(db)).id;
  const own = await createTrack(db, editionId);
  const other = await createTrack(db, editionId);
  roomId = (await createRoom(db, editionId, { name: "Зал «Ока»" })).id;
  organiser = await createOrganiser(db);
  editor = await createOrganiser(db, { trackIds: [own.id] });
  first = (await createSession(db, { editionId, roomId, trackId: own.id, title: "Цифровая кафедра", start: "12:30" }))
    .id;
  second = (await createSession(db, { editionId, roomId, trackId: other.id, title: "Наставничество", start: "15:00" }))
    .id;
  await createSession(db, { editionId, roomId, title: "Черновик", status: "DRAFT" });
  const anna = await createParticipant(db, editionId, { surname: "Кедрова", firstName: "Анна" });
  const belarus = await createParticipant(db, editionId, { surname: "Минская", firstName: "Ольга" });
  await db.registration.update({ where: { id: belarus.registrationId }, data: { phone: "+375291234567" } });
  const waiting = await createParticipant(db, editionId, { surname: "Ждущая", firstName: "Вера" });
  await createBooking(db, first, anna.id, new Date("2025-08-20T07:05:00Z"));
  await createBooking(db, first, belarus.id);
  await createWaitlistEntry(db, first, waiting.id);
  await createBooking(db, second, anna.id);
});

afterAll(async () => {
  await testDb?.close();
});

describe("door lists", () => {
  it("give every session (no drafts) in programme order, seated first, then the queue", async () => {
    const { sessions } = await as(organiser).programmeAdmin.rosters({});
    expect(sessions.map((s) => s.title)).toEqual(["Цифровая кафедра", "Наставничество"]);
    expect(sessions[0]!.people.map((p) => [p.fullName, p.status, p.position])).toEqual([
      ["Кедрова Анна Сергеевна", "booked", null],
      ["Минская Ольга Сергеевна", "booked", null],
      ["Ждущая Вера Сергеевна", "waitlisted", 1],
    ]);
    const room = await as(organiser).programmeAdmin.rosters({ roomId });
    expect(room.sessions).toHaveLength(2);
  });

  it("give a track editor only their tracks' sessions", async () => {
    const { sessions } = await as(editor).programmeAdmin.rosters({});
    expect(sessions.map((s) => s.id)).toEqual([first]);
    await expect(as(editor).programmeAdmin.rosters({ sessionId: second })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as(editor).programmeAdmin.registrationList()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("export as one workbook: «Все записи» and a sheet per session, one header row, «Дата записи», phones as text", async () => {
    const { sessions, timeZone } = await as(organiser).programmeAdmin.rosters({});
    const file = await exportTables(allAttendeeTables(sessions, timeZone), "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body as Uint8Array) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Все записи", "Цифровая кафедра", "Наставничество"]);
    const all = workbook.worksheets[0]!;
    const header = (all.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["Мероприятие", "Начало", "Зал", "№"]);
    expect(header).toContain("Дата записи");
    expect(all.rowCount).toBe(1 + 4);
    const phoneColumn = header.indexOf("Телефон") + 1;
    expect(all.getRow(2).getCell(phoneColumn).value).toBe("8 (999) 000-00-00");
    expect(all.getRow(3).getCell(phoneColumn).value).toBe("+375 29 123 45 67");
    const sinceColumn = header.indexOf("Дата записи") + 1;
    expect(all.getRow(2).getCell(sinceColumn).value).toBe("20.08.2025, 10:05");
    // The session sheet starts with its header: no caption line above it.
    expect(workbook.worksheets[1]!.getCell("A1").value).toBe("№");

    const csv = (await exportTables(allAttendeeTables(sessions, timeZone), "csv")).body as string;
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]!.startsWith("Мероприятие;Начало;Зал;№;")).toBe(true);
    expect(csv).toContain(";(+375) 29 123 45 67;");
    expect(csv).toContain(";8 (999) 000-00-00;");
    expect(csv).not.toMatch(/;'/);
  });

  it("export every registration with its status and date", async () => {
    const { registrations, timeZone } = await as(organiser).programmeAdmin.registrationList();
    const table = registrationTable(registrations, timeZone);
    expect(table.header).toContain("Дата регистрации");
    expect(table.rows.map((r) => r[2])).toEqual([
      "Кедрова Анна Сергеевна",
      "Минская Ольга Сергеевна",
      "Ждущая Вера Сергеевна",
    ]);
    expect(table.rows[0]![1]).toBe("подтверждена");
  });

  it("print a sign-in sheet per session and per room: №, ФИО, организация, подпись, the seated only", async () => {
    const { sessions, timeZone } = await as(organiser).programmeAdmin.rosters({ sessionId: first });
    const seated = sessions.map((s) => ({ ...s, people: s.people.filter((p) => p.status === "booked") }));
    const text = pdfText(await signInSheetPdf({ sections: seated, timeZone }));
    expect(text).toContain("Лист регистрации участников");
    expect(text).toContain("Цифровая кафедра");
    expect(text).toMatch(/№\s+ФИО\s+Организация\s+Подпись/);
    expect(text).toMatch(/1\s+Кедрова Анна Сергеевна\s+Калужский колледж \(тест\)/);
    expect(text).toContain("Минская Ольга Сергеевна");
    expect(text).not.toContain("Ждущая");
    expect(text).toContain("12:30");
    const room = await as(organiser).programmeAdmin.rosters({ roomId });
    const roomText = pdfText(await signInSheetPdf({ sections: room.sessions, timeZone: room.timeZone }));
    expect(roomText).toContain("Цифровая кафедра");
    expect(roomText).toContain("Наставничество");
    expect(roomText.split("\f").filter((p) => p.trim()).length).toBe(2);
  });
});
