import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { dashboard, type Dashboard } from "~/server/dashboard/service";
import type { Db } from "~/server/db/client";
import { parseCsv } from "~/server/export/csv";
import { exportReport } from "~/server/export/file";
import { feedbackTables } from "~/server/feedback/export";
import { feedbackReport, type FeedbackReport } from "~/server/feedback/report";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createBooking,
  createEdition,
  createOrganiser,
  createParticipant,
  createRegion,
  createSession,
  createTrack,
  createWaitlistEntry,
} from "~/server/test/factories";
import { hashSecret } from "~/server/tickets/secret";

/**
 * One edition with known figures (the file's own database): seven registrations (one cancelled,
 * one pending) in three regions of two districts and one without a region, sessions with seats and
 * queues, door scans (repeats, an undone scan, an admission of yesterday) and ratings.
 */
let testDb: TestDb;
let db: Db;
let view: Dashboard;
let report: FeedbackReport;
let organiser: SessionUser;
let participant: SessionUser;
let trackEditor: SessionUser;
const now = new Date();
const titles = { s1: "Цифровые двойники", s2: "Наставничество", s3: "Пленарное заседание", draft: "Черновик" };

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "127.0.0.1" }));

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
  const editionId = (await createEdition(db)).id;
  const staff = await createParticipant(db, editionId, { role: "CHECKIN" });
  organiser = await createOrganiser(db);
  const [a, b, c] = [
    await createRegion(db, { name: "Область А", federalDistrict: "CENTRAL" }),
    await createRegion(db, { name: "Область Б", federalDistrict: "CENTRAL" }),
    await createRegion(db, { name: "Область В", federalDistrict: "VOLGA" }),
  ];
  const p1 = await createParticipant(db, editionId, { regionId: a.id, category: "TEACHER" });
  const p2 = await createParticipant(db, editionId, { regionId: a.id, category: "TEACHER" });
  const p3 = await createParticipant(db, editionId, { regionId: b.id, category: "STUDENT" });
  const p4 = await createParticipant(db, editionId, { regionId: c.id, category: "EMPLOYER" });
  const p5 = await createParticipant(db, editionId, { regionId: null, category: "TEACHER" });
  const p6 = await createParticipant(db, editionId, { regionId: c.id, category: "STUDENT", status: "CANCELLED" });
  const p7 = await createParticipant(db, editionId, { regionId: a.id, category: "EXPERT", status: "PENDING" });
  participant = p1;
  // 01:30 Moscow on 2 June is still 1 June in UTC: the day is the edition's.
  const createdAt: [typeof p1, string][] = [
    [p1, "2025-06-01T22:30:00Z"],
    [p2, "2025-06-02T10:00:00Z"],
    [p3, "2025-06-03T09:00:00Z"],
    [p4, "2025-06-03T09:00:00Z"],
    [p5, "2025-06-03T12:00:00Z"],
    [p6, "2025-06-03T12:00:00Z"],
    [p7, "2025-06-03T20:59:00Z"],
    [staff, "2025-06-04T12:00:00Z"],
  ];
  for (const [p, at] of createdAt)
    await db.registration.update({ where: { id: p.registrationId }, data: { createdAt: new Date(at) } });

  const track = await createTrack(db, editionId, { title: "Кадры для экономики" });
  trackEditor = await createOrganiser(db, { trackIds: [track.id] });
  const s1 = await createSession(db, { editionId, trackId: track.id, title: titles.s1, capacity: 4, start: "10:00" });
  const s2 = await createSession(db, { editionId, trackId: track.id, title: titles.s2, capacity: 2, start: "12:00" });
  const s3 = await createSession(db, {
    editionId,
    title: titles.s3,
    capacity: null,
    bookingRequired: false,
    start: "14:00",
  });
  const draft = await createSession(db, { editionId, title: titles.draft, status: "DRAFT", start: "16:00" });
  for (const p of [p1, p2, p3]) await createBooking(db, s1.id, p.id);
  for (const p of [p1, p4]) await createBooking(db, s2.id, p.id);
  for (const p of [p5, p3]) await createWaitlistEntry(db, s2.id, p.id);
  await createBooking(db, draft.id, p2.id);

  const hash = async (p: SessionUser) => hashSecret((await as(p).ticket.mine())!.secret);
  const scan = async (door: string, p: SessionUser, walkIn = false) => {
    const {
      results: [outcome],
    } = await as(staff).checkin.scan({
      door,
      device: "Вход 1",
      scans: [{ id: randomUUID(), ticketHash: await hash(p), scannedAt: now, walkIn }],
    });
    return outcome!;
  };
  const entrance = "entrance:2025-08-25";
  await scan(entrance, p1);
  await scan(entrance, p1); // a repeat: still one admission
  await scan(entrance, p2);
  await scan(entrance, p3);
  const undone = await db.checkIn.findFirstOrThrow({
    where: { door: entrance, ticket: { registrationId: p3.registrationId } },
  });
  await as(organiser).checkin.undo({ checkInId: undone.id });
  await scan(`session:${s1.id}`, p1);
  await scan(`session:${s1.id}`, p2);
  await scan(`session:${s2.id}`, p4);
  // p5 came to the plenary yesterday (first scan), and was scanned again today: not today's admission.
  await as(p5).ticket.mine();
  const ticket5 = await db.ticket.findFirstOrThrow({ where: { registrationId: p5.registrationId } });
  await db.checkIn.create({
    data: {
      id: randomUUID(),
      ticketId: ticket5.id,
      sessionId: s3.id,
      door: `session:${s3.id}`,
      scannedAt: new Date(now.getTime() - 86_400_000),
      device: "Зал",
    },
  });
  expect((await scan(`session:${s3.id}`, p5)).result).toBe("duplicate");

  const ratings: [string, SessionUser, number, string][] = [
    [s1.id, p1, 5, "Отлично"],
    [s1.id, p2, 3, ""],
    [s1.id, p3, 4, ""],
    [s2.id, p4, 1, '=HYPERLINK("http://evil.example","x")'],
    [s3.id, p5, 2, "Скучно"],
  ];
  for (const [sessionId, p, rating, comment] of ratings)
    await db.sessionFeedback.create({ data: { sessionId, userId: p.id, rating, comment } });

  view = (await dashboard({ db, now }))!;
  report = await feedbackReport({ db });
}, 180_000);

afterAll(async () => {
  await testDb?.close();
});

const session = (title: string) => view.sessions.find((s) => s.title === title);

describe("the organisers' dashboard", () => {
  it("counts active registrations per day (the edition's time zone), district, region and category", () => {
    expect(view.registrations).toMatchObject({ active: 7, confirmed: 6, pending: 1, cancelled: 1 });
    expect(view.registrations.perDay).toEqual([
      { day: "2025-06-02", n: 2 },
      { day: "2025-06-03", n: 4 },
      { day: "2025-06-04", n: 1 },
    ]);
    const district = Object.fromEntries(view.registrations.byDistrict.map((d) => [d.district, d.n]));
    expect(district).toMatchObject({ CENTRAL: 4, VOLGA: 1, URAL: 0 });
    expect(view.registrations.byDistrict).toHaveLength(8);
    expect(view.registrations.noRegion).toBe(2); // p5 and the staff member
    expect(view.registrations.byRegion.map((r) => [r.name, r.n])).toEqual([
      ["Область А", 3],
      ["Область Б", 1],
      ["Область В", 1],
    ]);
    expect(view.registrations.byCategory).toEqual([
      { category: "TEACHER", n: 4 },
      { category: "EMPLOYER", n: 1 },
      { category: "EXPERT", n: 1 },
      { category: "STUDENT", n: 1 },
    ]);
  });

  it("shows bookings, waitlists and fill rates of published sessions, drafts left out", () => {
    expect(view.sessions.map((s) => s.title)).toEqual([titles.s1, titles.s2, titles.s3]);
    expect(session(titles.s1)).toMatchObject({ booked: 3, capacity: 4, waitlist: 0, fill: 0.75, admitted: 2 });
    expect(session(titles.s2)).toMatchObject({ booked: 2, capacity: 2, waitlist: 2, fill: 1, admitted: 1 });
    expect(session(titles.s3)).toMatchObject({ booked: 0, capacity: null, fill: null, admitted: 1 });
    expect(view.top.byBookings.map((s) => s.title)).toEqual([titles.s1, titles.s2]);
    expect(view.top.byAdmissions.map((s) => [s.title, s.admitted])).toEqual([
      [titles.s1, 2],
      [titles.s2, 1],
      [titles.s3, 1],
    ]);
  });

  it("counts today's check-ins once per admission: repeats, undone scans and yesterday's first scans do not count", () => {
    const today = view.checkinsToday;
    expect(today.entrance).toBe(2);
    expect(today.sessions).toBe(3);
    expect(today.doors.map((d) => [d.kind, d.label, d.admitted])).toEqual([
      ["entrance", "2025-08-25", 2],
      ["session", titles.s2, 1],
      ["session", titles.s1, 2],
    ]);
    expect(today.byHour.reduce((sum, h) => sum + h.entrance + h.sessions, 0)).toBe(5);
  });

  it("averages feedback per session and per track over the ratings, not over the sessions' averages", () => {
    expect(view.feedback.sessions.map((s) => [s.title, s.n, s.average, s.distribution])).toEqual([
      [titles.s1, 3, 4, [0, 0, 1, 1, 1]],
      [titles.s2, 1, 1, [1, 0, 0, 0, 0]],
      [titles.s3, 1, 2, [0, 1, 0, 0, 0]],
    ]);
    expect(report.tracks.map((t) => [t.title, t.sessions, t.n, t.average, t.distribution])).toEqual([
      ["Кадры для экономики", 2, 4, 3.25, [1, 0, 1, 1, 1]],
      [null, 1, 1, 2, [0, 1, 0, 0, 0]],
    ]);
    expect(report.comments.map((c) => c.comment).sort()).toEqual(
      ['=HYPERLINK("http://evil.example","x")', "Отлично", "Скучно"].sort(),
    );
    expect(JSON.stringify(report)).not.toContain(participant.email);
    expect(JSON.stringify(report)).not.toContain(participant.id);
  });

  it("exports the report as XLSX (a sheet per table, read back with exceljs) and CSV, formulas defused", async () => {
    const xlsx = await exportReport(feedbackTables(report), "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.body as Uint8Array) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["По трекам", "По мероприятиям", "Комментарии"]);
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    const [tracks, sessions, comments] = workbook.worksheets.map(rows) as [unknown[][], unknown[][], unknown[][]];
    expect(tracks[0]).toEqual([
      "Трек",
      "Мероприятий с оценками",
      "Оценок",
      "Средняя",
      "Оценка 1",
      "Оценка 2",
      "Оценка 3",
      "Оценка 4",
      "Оценка 5",
    ]);
    expect(tracks.slice(1)).toEqual([
      ["Кадры для экономики", 2, 4, 3.25, 1, 0, 1, 1, 1],
      ["Вне треков", 1, 1, 2, 0, 1, 0, 0, 0],
    ]);
    expect(sessions.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      [titles.s1, "Кадры для экономики", 3, 4],
      [titles.s2, "Кадры для экономики", 1, 1],
      [titles.s3, "Вне треков", 1, 2],
    ]);
    const formula = comments.find((r) => String(r[3]).includes("HYPERLINK"))!;
    expect(formula[3]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    const cell = workbook.worksheets[2]!.getCell(`D${comments.indexOf(formula) + 1}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);

    const csv = await exportReport(feedbackTables(report), "csv");
    const lines = parseCsv(csv.body as string);
    expect(lines[0]).toEqual(["По трекам"]);
    expect(lines[2]).toEqual(["Кадры для экономики", "2", "4", "3.25", "1", "0", "1", "1", "1"]);
    expect(lines.some((l) => l[0] === "Комментарии")).toBe(true);
    // parseCsv undoes the apostrophe; the file itself carries it.
    expect(csv.body as string).toContain(`'=HYPERLINK`);
  });

  it("is for organisers without a track limit and admins", async () => {
    expect((await as(organiser).dashboard.live())?.registrations.active).toBe(7);
    expect((await as(await createOrganiser(db, { role: "ADMIN" })).feedback.report()).tracks).toHaveLength(2);
    for (const user of [participant, trackEditor]) {
      await expect(as(user).dashboard.live()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(as(user).feedback.report()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("an empty forum", () => {
  it("gives zeros and empty lists, and nothing before an edition exists", async () => {
    const empty = await createTestDb();
    try {
      expect(await dashboard({ db: empty.db })).toBeNull();
      await createEdition(empty.db);
      const figures = (await dashboard({ db: empty.db }))!;
      expect(figures.registrations).toMatchObject({ active: 0, perDay: [], byRegion: [], byCategory: [] });
      expect(figures.sessions).toEqual([]);
      expect(figures.checkinsToday).toMatchObject({ entrance: 0, sessions: 0, doors: [] });
      expect(figures.feedback).toEqual({ sessions: [], tracks: [] });
    } finally {
      await empty.close();
    }
  });
});
