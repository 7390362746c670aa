import ICAL from "ical.js";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { SessionFieldsInput } from "~/server/organiser/schema";
import { createTestDb, type TestDb } from "~/server/test/db";
import {
  createEdition,
  createOrganiser,
  createRoom,
  createSession,
  createSpeaker,
  createTrack,
  uid,
} from "~/server/test/factories";
import { refusal } from "~/server/test/refusal";

let testDb: TestDb;
let editionId: string;
let trackA: string;
let trackB: string;
let organiser: SessionUser;
let editorA: SessionUser;

const as = (user: SessionUser | null) => createCaller(createContextInner({ db: testDb.db, user }));

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  editionId = (await createEdition(db)).id;
  trackA = (await createTrack(db, editionId, { code: "track-a", order: 1 })).id;
  trackB = (await createTrack(db, editionId, { code: "track-b", order: 2 })).id;
  organiser = await createOrganiser(db);
  editorA = await createOrganiser(db, { trackIds: [trackA] });
});

afterAll(async () => {
  await testDb?.close();
});

async function room(capacity = 100) {
  return (await createRoom(testDb.db, editionId, { capacity })).id;
}

const fields = (over: Partial<SessionFieldsInput> = {}): SessionFieldsInput => ({
  title: `Сессия ${uid()}`,
  description: "",
  trackId: trackA,
  format: "ROUND_TABLE",
  day: "2025-08-25",
  start: "10:00",
  end: "11:00",
  roomId: null,
  capacity: 30,
  isClosed: false,
  bookingRequired: true,
  moderatorIds: [],
  speakerIds: [],
  ...over,
});

describe("drafts and publishing", () => {
  it("creates a draft guests never see; publishing shows it and logs the change", async () => {
    const roomId = await room();
    const created = await as(organiser).programmeAdmin.createSession({
      data: fields({ roomId, title: "Наставничество в колледже", description: "<b>Важно</b><script>x()</script>" }),
    });
    expect(created.status).toBe("DRAFT");
    const guest = as(null);
    await expect(guest.programme.session({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await guest.programme.list({ q: "наставничество" })).map((s) => s.id)).toEqual([]);

    await as(organiser).programmeAdmin.publishSession({ id: created.id });
    const shown = await guest.programme.session({ id: created.id });
    expect(shown.description).toBe("**Важно**");
    expect((await guest.programme.list({ q: "наставничество" })).map((s) => s.id)).toEqual([created.id]);

    const row = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.publishedAt).not.toBeNull();
    expect(row.revision).toBe(1);
    const changes = await testDb.db.programmeChange.findMany({ where: { sessionId: created.id } });
    expect(changes.map((c) => c.kind)).toEqual(["PUBLISHED"]);
    expect(changes[0]?.summary).toContain("«Наставничество в колледже»: 25 августа, 10:00–11:00 МСК");
    const log = await as(null).programmeAdmin.changeLog({});
    expect(log.items[0]).toMatchObject({ sessionId: created.id, kind: "PUBLISHED" });

    await expect(as(organiser).programmeAdmin.publishSession({ id: created.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("keeps searchText up to date on every write", async () => {
    const person = await createSpeaker(testDb.db, editionId, { fullName: "Ёжиков Пётр" });
    const s = await as(organiser).programmeAdmin.createSession({
      data: fields({ title: "Цифровые двойники", speakerIds: [person.id] }),
    });
    const text = async () =>
      (await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: s.id }, select: { searchText: true } }))
        .searchText;
    expect(await text()).toContain("ежиков петр");
    await expect(
      as(organiser).programmeAdmin.updateSpeaker({ id: person.id, data: { fullName: "Ершов Пётр" } } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(organiser).programmeAdmin.updateSpeaker({
      id: person.id,
      data: { fullName: "Ершов Пётр", position: "", organisation: "", bio: "" },
    });
    expect(await text()).toContain("ершов петр");
    expect(await text()).not.toContain("ежиков");
  });

  it("deletes drafts only; cancels published sessions only", async () => {
    const draft = await as(organiser).programmeAdmin.createSession({ data: fields() });
    await expect(as(organiser).programmeAdmin.cancelSession({ id: draft.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await as(organiser).programmeAdmin.deleteSession({ id: draft.id });
    expect(await testDb.db.programmeSession.findUnique({ where: { id: draft.id } })).toBeNull();
    const published = await createSession(testDb.db, { editionId, trackId: trackA });
    await expect(as(organiser).programmeAdmin.deleteSession({ id: published.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("conflict checks", () => {
  it("refuses a second session in one room at an overlapping time, naming the other; drafts count too", async () => {
    const roomId = await room();
    await as(organiser).programmeAdmin.createSession({
      data: fields({ roomId, title: "Первая", start: "12:00", end: "13:30" }),
    });
    const clash = fields({ roomId, trackId: trackB, start: "13:00", end: "14:00" });
    const check = await as(organiser).programmeAdmin.checkSession({ data: clash });
    expect(check.issues.map((i) => [i.code, i.severity, i.field])).toEqual([["ROOM_CLASH", "error", "roomId"]]);
    expect(check.issues[0]?.message).toBe("Зал занят: в это время в нём «Первая» (12:00–13:30).");
    const error = await refusal(
      as(organiser).programmeAdmin.createSession({ data: clash, acknowledgeWarnings: true }),
      TRPCError,
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("«Первая» (12:00–13:30)");
    // Back to back is fine.
    await as(organiser).programmeAdmin.createSession({ data: { ...clash, start: "13:30", end: "14:00" } });
  });

  it("lets exactly one of several concurrent saves into the same room and time through (rows locked)", async () => {
    const roomId = await room();
    const data = (i: number) =>
      fields({ roomId, day: "2025-08-29", start: "09:00", end: "10:00", title: `Гонка ${i}` });
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => as(organiser).programmeAdmin.createSession({ data: data(i) })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await testDb.db.programmeSession.count({ where: { roomId } })).toBe(1);
  });

  it("refuses a speaker or moderator in two overlapping sessions, in any room", async () => {
    const person = await createSpeaker(testDb.db, editionId, { fullName: "Иванова Мария" });
    await as(organiser).programmeAdmin.createSession({
      data: fields({ roomId: await room(), day: "2025-08-26", moderatorIds: [person.id], title: "Утро" }),
    });
    const error = await refusal(
      as(organiser).programmeAdmin.createSession({
        data: fields({
          roomId: await room(),
          day: "2025-08-26",
          start: "10:30",
          end: "11:30",
          speakerIds: [person.id],
        }),
      }),
      TRPCError,
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("Иванова Мария в это время участвует в «Утро» (10:00–11:00).");
  });

  it("refuses times outside the forum, an end before the start and more than a day", async () => {
    const cases: [Partial<SessionFieldsInput>, string][] = [
      [{ day: "2025-08-24" }, "OUTSIDE_EDITION"],
      [{ day: "2025-08-30" }, "OUTSIDE_EDITION"],
      [{ start: "12:00", end: "11:00" }, "END_BEFORE_START"],
      [{ day: "2025-08-25", endDay: "2025-08-27", start: "10:00", end: "10:00" }, "TOO_LONG"],
    ];
    for (const [over, code] of cases) {
      const check = await as(organiser).programmeAdmin.checkSession({ data: fields(over) });
      expect(check.issues.map((i) => i.code)).toEqual([code]);
      await expect(as(organiser).programmeAdmin.createSession({ data: fields(over) })).rejects.toMatchObject({
        code: "CONFLICT",
      });
    }
  });

  it("warns about more seats than the room holds, and saves only when the warning is acknowledged", async () => {
    const roomId = await room(20);
    const data = fields({ roomId, capacity: 25 });
    const error = await refusal(as(organiser).programmeAdmin.createSession({ data }), TRPCError);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("Мест (25) больше, чем вмещает зал (20).");
    expect(error.message).toContain("Сохранить, несмотря на предупреждения");
    const saved = await as(organiser).programmeAdmin.createSession({ data, acknowledgeWarnings: true });
    expect(saved.issues.map((i) => i.code)).toEqual(["CAPACITY_OVER_ROOM"]);
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(audit.after).toMatchObject({ acknowledgedWarnings: ["CAPACITY_OVER_ROOM"] });
  });

  it("rejects malformed input field by field", async () => {
    const error = await refusal(
      as(organiser).programmeAdmin.createSession({ data: fields({ title: "", start: "9", capacity: -1 }) }),
      TRPCError,
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("track editors", () => {
  it("edit only their tracks (FORBIDDEN elsewhere), while checks still look across all tracks", async () => {
    const roomId = await room();
    const other = await as(organiser).programmeAdmin.createSession({
      data: fields({ trackId: trackB, roomId, day: "2025-08-27", title: "Чужой трек" }),
    });
    const api = as(editorA);
    const forbidden = [
      () => api.programmeAdmin.updateSession({ id: other.id, data: fields({ trackId: trackB, day: "2025-08-27" }) }),
      () => api.programmeAdmin.moveSession({ id: other.id, day: "2025-08-27", start: "15:00", roomId }),
      () => api.programmeAdmin.publishSession({ id: other.id }),
      () => api.programmeAdmin.deleteSession({ id: other.id }),
      () => api.programmeAdmin.createSession({ data: fields({ trackId: trackB }) }),
      () => api.programmeAdmin.createSession({ data: fields({ trackId: null }) }),
      () => api.programmeAdmin.createTrack({ data: { code: `t-${uid()}`, title: "Новый", color: "#123456" } }),
      () => api.programmeAdmin.createRoom({ data: { name: `Зал ${uid()}`, capacity: 10 } }),
    ];
    for (const call of forbidden) expect((await refusal(call(), TRPCError)).code).toBe("FORBIDDEN");
    // Own track: allowed, but the room is taken by the other track's session.
    const clash = await refusal(
      api.programmeAdmin.createSession({ data: fields({ trackId: trackA, roomId, day: "2025-08-27" }) }),
      TRPCError,
    );
    expect(clash.code).toBe("CONFLICT");
    expect(clash.message).toContain("«Чужой трек»");
    // Moving their own session into another track is refused too.
    const mine = await api.programmeAdmin.createSession({ data: fields({ trackId: trackA, day: "2025-08-28" }) });
    expect(
      (
        await refusal(
          api.programmeAdmin.updateSession({ id: mine.id, data: fields({ trackId: trackB, day: "2025-08-28" }) }),
          TRPCError,
        )
      ).code,
    ).toBe("FORBIDDEN");
    await api.programmeAdmin.publishSession({ id: mine.id });
    const view = await api.programmeAdmin.session({ id: other.id });
    expect(view.canEdit).toBe(false);
  });

  it("are set by admins only, with an audit row", async () => {
    const person = await createOrganiser(testDb.db);
    const admin = await createOrganiser(testDb.db, { role: "ADMIN" });
    await expect(
      as(organiser).programmeAdmin.setTrackEditor({ userId: person.id, trackIds: [trackB] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(admin).programmeAdmin.setTrackEditor({ userId: person.id, trackIds: [trackB] });
    const list = await as(admin).programmeAdmin.trackEditors();
    expect(list.organisers.find((o) => o.id === person.id)?.trackIds).toEqual([trackB]);
    const audit = await testDb.db.auditLog.findFirstOrThrow({
      where: { action: "trackScope.set", entityId: person.id },
    });
    expect(audit).toMatchObject({ actorEmail: admin.email, before: { trackIds: [] }, after: { trackIds: [trackB] } });
    expect((await as(person).programmeAdmin.workspace()).scope).toEqual([trackB]);
    await as(admin).programmeAdmin.setTrackEditor({ userId: person.id, trackIds: [] });
    expect((await as(person).programmeAdmin.workspace()).scope).toBe("all");
  });
});

describe("audit", () => {
  it("records every organiser change with who, what, before and after; admins can filter it", async () => {
    const admin = await createOrganiser(testDb.db, { role: "ADMIN" });
    const me = await createOrganiser(testDb.db);
    const api = as(me).programmeAdmin;
    const roomId = (await api.createRoom({ data: { name: `Аудит ${uid()}`, capacity: 50 } })).id;
    const s = await api.createSession({ data: fields({ roomId, day: "2025-08-29", title: "Проверка аудита" }) });
    await api.updateSession({ id: s.id, data: fields({ roomId, day: "2025-08-29", title: "Проверка аудита 2" }) });
    await api.moveSession({ id: s.id, day: "2025-08-29", start: "15:00", roomId });
    await api.publishSession({ id: s.id });
    await api.cancelSession({ id: s.id, reason: "Спикер заболел" });
    await api.updateRoom({
      id: roomId,
      data: { name: `Аудит ${uid()}`, capacity: 60, floor: "", description: "", mapUrl: "" },
    });

    const rows = await testDb.db.auditLog.findMany({ where: { actorId: me.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.action)).toEqual([
      "room.create",
      "session.create",
      "session.update",
      "session.move",
      "session.publish",
      "session.cancel",
      "room.update",
    ]);
    expect(rows.every((r) => r.actorEmail === me.email)).toBe(true);
    const update = rows[2]!;
    expect(update.before).toMatchObject({ title: "Проверка аудита" });
    expect(update.after).toMatchObject({ title: "Проверка аудита 2" });

    const page = await as(admin).programmeAdmin.audit({ actor: me.email, entity: "ProgrammeSession" });
    expect(page.items.map((i) => i.action)).toEqual([
      "session.cancel",
      "session.publish",
      "session.move",
      "session.update",
      "session.create",
    ]);
    // Sentences name the object by its current title and the move by its times (Moscow time).
    const move = page.items.find((i) => i.action === "session.move")!;
    expect(move.sentence).toMatchObject({
      key: "session.move",
      values: { actor: me.email, object: "Проверка аудита 2", moved: "time", from: "10:00", to: "15:00" },
    });
    expect(page.actions.find((a) => a.value === "session.move")).toEqual({ value: "session.move", known: true });
    // Titles are looked up per page (one query per kind), and a deleted object keeps its last title.
    const draft = await api.createSession({ data: fields({ roomId, day: "2025-08-29", title: "Удаляемый черновик" }) });
    await api.deleteSession({ id: draft.id });
    const deleted = (await as(admin).programmeAdmin.audit({ actor: me.email, action: "session.delete" })).items[0]!;
    expect(deleted.sentence.values.object).toBe("Удаляемый черновик");
    expect((await as(admin).programmeAdmin.audit({ actor: me.email, action: "room.update" })).total).toBe(1);
    expect(
      (await as(admin).programmeAdmin.audit({ actor: me.email, from: "2000-01-01", to: "2000-01-02" })).total,
    ).toBe(0);
    await expect(as(me).programmeAdmin.audit({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("revision: the calendar's SEQUENCE", () => {
  async function calendarEvent(id: string) {
    const { programmeCalendar } = await import("~/server/booking/calendar/feed");
    const text = await programmeCalendar({ db: testDb.db });
    const comp = new ICAL.Component(ICAL.parse(text!));
    const vevent = comp.getAllSubcomponents("vevent").find((v) => v.getFirstPropertyValue("uid") === `${id}@forum-spo`);
    const row = await testDb.db.programmeSession.findUniqueOrThrow({ where: { id }, select: { revision: true } });
    return { vevent, revision: row.revision };
  }

  it("rises by one on every publication, edit, move and cancellation, and the feed shows it", async () => {
    const roomId = await room();
    const created = await as(organiser).programmeAdmin.createSession({ data: fields({ roomId }) });
    expect((await calendarEvent(created.id)).revision).toBe(0);

    const seen: number[] = [];
    const steps: (() => Promise<unknown>)[] = [
      () => as(organiser).programmeAdmin.publishSession({ id: created.id }),
      // A change of wording alone is a revision too: the calendar shows the title.
      () =>
        as(organiser).programmeAdmin.updateSession({
          id: created.id,
          data: fields({ roomId, title: "Новое название" }),
        }),
      () => as(organiser).programmeAdmin.moveSession({ id: created.id, day: "2025-08-26", start: "12:00", roomId }),
      () => as(organiser).programmeAdmin.cancelSession({ id: created.id, reason: "" }),
    ];
    for (const step of steps) {
      await step();
      const { vevent, revision } = await calendarEvent(created.id);
      expect(vevent?.getFirstPropertyValue("sequence")).toBe(revision);
      seen.push(revision);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    const { vevent } = await calendarEvent(created.id);
    expect(vevent?.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent?.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Moscow");
    expect(vevent?.getFirstPropertyValue("dtstart")?.toString()).toBe("2025-08-26T12:00:00");
  });

  it("is not raised by a refused save", async () => {
    const roomId = await room();
    const created = await as(organiser).programmeAdmin.createSession({ data: fields({ roomId }) });
    await as(organiser).programmeAdmin.publishSession({ id: created.id });
    await expect(
      as(organiser).programmeAdmin.updateSession({
        id: created.id,
        data: fields({ roomId, start: "12:00", end: "11:00" }),
      }),
    ).rejects.toBeInstanceOf(TRPCError);
    expect((await calendarEvent(created.id)).revision).toBe(1);
  });
});
