import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createRoom, createSession, createSpeaker, createTrack } from "~/server/test/factories";

let testDb: TestDb;
let api: ReturnType<typeof createCaller>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  api = createCaller(createContextInner({ db }));

  const edition = await createEdition(db);
  const sovereignty = await createTrack(db, edition.id, {
    code: "sovereignty",
    title: "Технологический суверенитет",
    order: 1,
  });
  const quality = await createTrack(db, edition.id, { code: "quality", title: "Качество СПО", order: 2 });
  const hall = await createRoom(db, edition.id, { name: "Большой зал" });
  const elkina = await createSpeaker(db, edition.id, {
    fullName: "Ёлкина Мария Петровна",
    organisation: "Калужский колледж",
  });
  const petrov = await createSpeaker(db, edition.id, {
    fullName: "Петров Иван Сергеевич",
    organisation: "Завод «Прогресс»",
  });
  const hidden = await createSpeaker(db, edition.id, { fullName: "Скрытов Олег" });
  ids.elkina = elkina.id;
  ids.hidden = hidden.id;

  const s = async (key: string, over: Parameters<typeof createSession>[1]) => {
    ids[key] = (await createSession(db, over)).id;
  };
  const base = { editionId: edition.id, roomId: hall.id };
  await s("opening", {
    ...base,
    format: "PLENARY",
    title: "Открытие форума",
    start: "10:00",
    end: "11:30",
    capacity: null,
  });
  await s("robots", {
    ...base,
    trackId: sovereignty.id,
    title: "Робототехника в колледжах",
    start: "12:00",
    end: "13:30",
    people: [{ id: elkina.id, fullName: elkina.fullName, role: "MODERATOR" }],
  });
  await s("quality", {
    ...base,
    trackId: quality.id,
    format: "PANEL_DISCUSSION",
    title: "Оценка качества подготовки",
    description: "Демонстрационный экзамен и РОБОТЫ на производстве",
    start: "12:00",
    end: "13:30",
    people: [{ id: petrov.id, fullName: petrov.fullName, role: "SPEAKER" }],
  });
  // 23:30 Moscow on the 25th is 20:30 UTC: still the first day.
  await s("late", { ...base, trackId: quality.id, title: "Вечерняя встреча", start: "23:30", end: "23:55" });
  // 01:30 Moscow on the 28th is 22:30 UTC on the 27th: a Moscow day, not a UTC day, must hold it.
  await s("night", { ...base, title: "Ночная смена", day: "2025-08-28", start: "01:30", end: "02:45" });
  await s("meeting", {
    ...base,
    format: "MEETING",
    isClosed: true,
    title: "Всероссийское августовское совещание",
    day: "2025-08-26",
    start: "10:00",
    end: "13:00",
  });
  await s("draft", {
    ...base,
    trackId: sovereignty.id,
    status: "DRAFT",
    title: "Черновик про робототехнику",
    day: "2025-08-26",
    people: [{ id: hidden.id, fullName: hidden.fullName, role: "SPEAKER" }],
  });
  await s("cancelled", {
    ...base,
    trackId: quality.id,
    status: "CANCELLED",
    title: "Отменённый круглый стол",
    day: "2025-08-27",
  });
});

afterAll(async () => {
  await testDb?.close();
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe("programme.edition", () => {
  it("lists the five days in Moscow time and the tracks in order", async () => {
    const edition = await api.programme.edition();
    expect(edition.days).toEqual(["2025-08-25", "2025-08-26", "2025-08-27", "2025-08-28", "2025-08-29"]);
    expect(edition.tracks.map((t) => t.code)).toEqual(["sovereignty", "quality"]);
  });
});

describe("programme.list", () => {
  it("gives a day's published sessions in time order, then by track order", async () => {
    const rows = await api.programme.list({ day: "2025-08-25" });
    expect(titles(rows)).toEqual([
      "Открытие форума",
      "Робототехника в колледжах",
      "Оценка качества подготовки",
      "Вечерняя встреча",
    ]);
  });

  it("never shows drafts, and shows cancelled sessions as cancelled", async () => {
    const day2 = await api.programme.list({ day: "2025-08-26" });
    expect(titles(day2)).toEqual(["Всероссийское августовское совещание"]);
    expect(day2[0]?.isClosed).toBe(true);
    const day3 = await api.programme.list({ day: "2025-08-27" });
    expect(day3.map((r) => [r.title, r.status])).toEqual([["Отменённый круглый стол", "CANCELLED"]]);
  });

  it("filters by track and by format", async () => {
    expect(titles(await api.programme.list({ day: "2025-08-25", track: "quality" }))).toEqual([
      "Оценка качества подготовки",
      "Вечерняя встреча",
    ]);
    expect(titles(await api.programme.list({ format: "PANEL_DISCUSSION" }))).toEqual(["Оценка качества подготовки"]);
    expect(await api.programme.list({ track: "no-such-track" })).toEqual([]);
  });

  it("searches titles, descriptions and people, case-insensitively and with ё as е", async () => {
    expect(titles(await api.programme.list({ q: "РОБОТ" }))).toEqual([
      "Робототехника в колледжах",
      "Оценка качества подготовки",
    ]);
    expect(titles(await api.programme.list({ q: "елкина" }))).toEqual(["Робототехника в колледжах"]);
    expect(titles(await api.programme.list({ q: "робот экзамен" }))).toEqual(["Оценка качества подготовки"]);
    expect(await api.programme.list({ q: "черновик" })).toEqual([]);
  });

  it("puts a session between 00:00 and 03:00 Moscow time on its Moscow day, not on the UTC day before", async () => {
    expect(titles(await api.programme.list({ day: "2025-08-28" }))).toEqual(["Ночная смена"]);
    expect(titles(await api.programme.list({ day: "2025-08-27" }))).not.toContain("Ночная смена");
    expect(await api.programme.dayCounts({ q: "ночная" })).toMatchObject({ "2025-08-27": 0, "2025-08-28": 1 });
  });

  it("counts matches per day for the day tabs", async () => {
    expect(await api.programme.dayCounts({ q: "робот" })).toEqual({
      "2025-08-25": 2,
      "2025-08-26": 0,
      "2025-08-27": 0,
      "2025-08-28": 0,
      "2025-08-29": 0,
    });
  });

  it("rejects malformed input with BAD_REQUEST", async () => {
    await expect(api.programme.list({ format: "DANCE" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.programme.list({ day: "завтра" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.programme.list({ q: "х".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("programme.session", () => {
  it("returns a published session with its people", async () => {
    const session = await api.programme.session({ id: ids.robots! });
    expect(session.title).toBe("Робототехника в колледжах");
    expect(session.track?.code).toBe("sovereignty");
    expect(session.speakers.map((s) => [s.role, s.speaker.fullName])).toEqual([["MODERATOR", "Ёлкина Мария Петровна"]]);
  });

  it("is NOT_FOUND for unknown ids and for drafts", async () => {
    for (const id of ["does-not-exist", ids.draft!]) {
      const error = await api.programme.session({ id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "NOT_FOUND", message: "Такого мероприятия в программе нет." });
    }
  });
});

describe("speakers", () => {
  it("lists only people with visible sessions, alphabetically", async () => {
    const list = await api.programme.speakers({});
    expect(list.items.map((s) => s.fullName)).toEqual(["Ёлкина Мария Петровна", "Петров Иван Сергеевич"]);
    expect(list.total).toBe(2);
  });

  it("searches by name or organisation and pages", async () => {
    expect((await api.programme.speakers({ q: "завод" })).items.map((s) => s.fullName)).toEqual([
      "Петров Иван Сергеевич",
    ]);
    const page2 = await api.programme.speakers({ page: 2, pageSize: 1 });
    expect(page2).toMatchObject({ total: 2, page: 2, pageCount: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await api.programme.speakers({ page: 3, pageSize: 1 })).items).toEqual([]);
  });

  it("shows a speaker with their visible sessions, and hides people of drafts", async () => {
    const speaker = await api.programme.speaker({ id: ids.elkina! });
    expect(speaker.sessions.map((s) => s.session.title)).toEqual(["Робототехника в колледжах"]);
    await expect(api.programme.speaker({ id: ids.hidden! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.programme.speaker({ id: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the closed August meeting", () => {
  it("never shows its room in the public programme, session or speaker views", async () => {
    const edition = await testDb.db.edition.findFirstOrThrow();
    await testDb.db.edition.update({ where: { id: edition.id }, data: { meetingSessionId: ids.meeting! } });
    const [card] = await api.programme.list({ day: "2025-08-26", format: "MEETING" });
    expect(card).toMatchObject({ id: ids.meeting, room: null, isClosed: true, timeHidden: true });
    // Only the day: 00:00 to 23:59 Moscow time, not the real 10:00–13:00.
    expect(card?.startsAt.toISOString()).toBe("2025-08-25T21:00:00.000Z");
    expect(card?.endsAt.toISOString()).toBe("2025-08-26T20:59:00.000Z");
    const page = await api.programme.session({ id: ids.meeting! });
    expect(page).toMatchObject({ room: null, timeHidden: true });
    expect(await api.programme.dayCounts({ format: "MEETING" })).toMatchObject({ "2025-08-26": 1 });
    // Other sessions keep their room.
    expect(await api.programme.session({ id: ids.robots! })).toMatchObject({
      room: { name: "Большой зал" },
      timeHidden: false,
    });
  });
});

describe("programme.page", () => {
  it("pages a long day in the list's order, with the speakers read for the page's cards only", async () => {
    const edition = await testDb.db.edition.findFirstOrThrow({ select: { id: true } });
    const speaker = await createSpeaker(testDb.db, edition.id, { fullName: "Страничная Анна" });
    for (let i = 0; i < 65; i += 1) {
      const minute = String(i % 60).padStart(2, "0");
      await createSession(testDb.db, {
        editionId: edition.id,
        title: `Секция ${String(i).padStart(2, "0")}`,
        day: "2025-08-29",
        start: `${i < 60 ? "10" : "11"}:${minute}`,
        end: "18:00",
        people: [{ id: speaker.id, fullName: speaker.fullName, role: "SPEAKER" }],
      });
    }
    const all = titles(await api.programme.list({ day: "2025-08-29" }));
    const pages = await Promise.all(["1", "2", "3"].map((page) => api.programme.page({ day: "2025-08-29", page })));
    expect(pages.map((p) => [p.total, p.page, p.pageCount, p.sessions.length])).toEqual([
      [65, 1, 3, 30],
      [65, 2, 3, 30],
      [65, 3, 3, 5],
    ]);
    expect(pages.flatMap((p) => titles(p.sessions))).toEqual(all);
    expect(pages[0]!.sessions[0]!.speakers.map((s) => s.speaker.fullName)).toEqual(["Страничная Анна"]);
    // Beyond the last page, or unreadable: the nearest page that exists.
    expect((await api.programme.page({ day: "2025-08-29", page: "99" })).page).toBe(3);
    expect((await api.programme.page({ day: "2025-08-29", page: "-1" })).page).toBe(1);
    expect(await api.programme.page({ day: "2025-08-28", q: "нет-такого" })).toEqual({
      sessions: [],
      total: 0,
      page: 1,
      pageCount: 1,
    });
  });
});
