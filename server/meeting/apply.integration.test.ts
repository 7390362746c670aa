/**
 * Applying to the August meeting: who may, one application per person, one head per region,
 * the quota (and the reserve) under 20 concurrent applications, and who sees the room and time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/auth/roles";
import {
  application,
  callerFor,
  createMeetingEdition,
  expectTrpcError,
  MATERIALS,
  MEETING_ROOM,
  mailsTo,
} from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createParticipant, createRegion, createRegionalOfficial, createSession } from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;
let meetingId: string;
let organiser: SessionUser;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await createTestDb();
  const m = await createMeetingEdition(testDb.db);
  editionId = m.edition.id;
  meetingId = m.session.id;
  organiser = m.organiser;
  api = callerFor(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

const region = (over: Parameters<typeof createRegion>[1] = {}) => createRegion(testDb.db, over);
const official = (regionId: number, over: Parameters<typeof createRegionalOfficial>[3] = {}) =>
  createRegionalOfficial(testDb.db, editionId, regionId, over);
const head = { ...application, role: "HEAD" as const };
const member = { ...application, role: "MEMBER" as const, position: "Начальник отдела" };

const activeIn = async (regionId: number) =>
  testDb.db.meetingApplication.groupBy({
    by: ["status", "role"],
    where: { editionId, regionId },
    _count: { _all: true },
    orderBy: [{ status: "asc" }, { role: "asc" }],
  });

describe("who may apply", () => {
  it("a confirmed participant of the regional-authority category applies for the region of their registration", async () => {
    const r = await region({ name: "Калужская область (тест)" });
    const p = await official(r.id);
    const result = await api(p).meeting.submit({
      ...head,
      topic: "CAREER_GUIDANCE",
      question: "Как считать результат?",
    });
    expect(result).toMatchObject({ status: "SUBMITTED", regionName: "Калужская область (тест)" });
    const stored = await testDb.db.meetingApplication.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({
      regionId: r.id,
      role: "HEAD",
      topic: "CAREER_GUIDANCE",
      question: "Как считать результат?",
    });
    const mails = await mailsTo(testDb.db, p.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: "meeting.submitted", subject: "Заявка на августовское совещание принята" });
    expect(mails[0]!.text).toContain("региона «Калужская область (тест)»");

    const view = await api(p).meeting.view();
    expect(view.viewer?.application).toMatchObject({ id: result.id, status: "SUBMITTED" });
    expect(view.viewer?.eligibility).toBe("alreadyApplied");
  });

  it("guests, other categories, unconfirmed, cancelled and regionless registrations are refused in words", async () => {
    const r = await region();
    await expectTrpcError(api(null).meeting.submit(head), "UNAUTHORIZED");
    const teacher = await createParticipant(testDb.db, editionId, { regionId: r.id });
    await expectTrpcError(api(teacher).meeting.submit(head), "FORBIDDEN", /органов управления образованием/);
    const pending = await official(r.id, { status: "PENDING" });
    await expectTrpcError(api(pending).meeting.submit(head), "FORBIDDEN", /не подтверждена/);
    const cancelled = await official(r.id, { status: "CANCELLED" });
    await expectTrpcError(api(cancelled).meeting.submit(head), "FORBIDDEN", /только зарегистрированные/);
    await expectTrpcError(api(organiser).meeting.submit(head), "FORBIDDEN", /только зарегистрированные/);
    const regionless = await createParticipant(testDb.db, editionId, { category: "REGIONAL_AUTHORITY" });
    await expectTrpcError(api(regionless).meeting.submit(head), "FORBIDDEN", /не указан регион/);
    expect(await testDb.db.meetingApplication.count({ where: { regionId: r.id } })).toBe(0);
    expect((await api(teacher).meeting.view()).viewer?.eligibility).toBe("category");
  });

  it("a second application of the same person is refused, even sent twice at once", async () => {
    const r = await region();
    const p = await official(r.id);
    await api(p).meeting.submit(member);
    await expectTrpcError(api(p).meeting.submit(member), "CONFLICT", /уже подали заявку/);
    const q = await official(r.id);
    const twice = await Promise.allSettled([api(q).meeting.submit(head), api(q).meeting.submit(head)]);
    expect(twice.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.db.meetingApplication.count({ where: { userId: q.id } })).toBe(1);
  });

  it("a question needs its agenda topic; the form's fields are checked on the server", async () => {
    const r = await region();
    const p = await official(r.id);
    await expectTrpcError(api(p).meeting.submit({ ...head, question: "Вопрос без темы" }), "BAD_REQUEST");
    await expectTrpcError(api(p).meeting.submit({ ...head, authorityName: "  " }), "BAD_REQUEST");
    expect(await testDb.db.meetingApplication.count({ where: { userId: p.id } })).toBe(0);
  });

  it("nobody can apply while no published session is set as the meeting", async () => {
    const r = await region();
    const p = await official(r.id);
    await testDb.db.edition.update({ where: { id: editionId }, data: { meetingSessionId: null } });
    try {
      await expectTrpcError(api(p).meeting.submit(head), "CONFLICT", /не открыт/);
      expect((await api(p).meeting.view()).viewer?.eligibility).toBe("notOpen");
    } finally {
      await testDb.db.edition.update({ where: { id: editionId }, data: { meetingSessionId: meetingId } });
    }
  });
});

describe("one head, the quota and the reserve", () => {
  it("allows one head per region among active applications and keeps the head's seat free of members", async () => {
    const r = await region();
    const [m1, m2, h1, h2] = await Promise.all([official(r.id), official(r.id), official(r.id), official(r.id)]);
    expect((await api(m1).meeting.submit(member)).status).toBe("SUBMITTED");
    await expectTrpcError(api(m2).meeting.submit(member), "CONFLICT", /закреплено за руководителем/);
    expect((await api(h1).meeting.submit(head)).status).toBe("SUBMITTED");
    await expectTrpcError(api(h2).meeting.submit(head), "CONFLICT", /уже есть руководитель/);
    await expectTrpcError(api(m2).meeting.submit(member), "CONFLICT", /Квота делегации .* заполнена \(2 места\)/);
  });

  it("20 concurrent applications from one region: exactly the quota is accepted, one head, the rest refused", async () => {
    const r = await region();
    const people = await Promise.all(Array.from({ length: 20 }, () => official(r.id)));
    const started = Date.now();
    const results = await Promise.allSettled(people.map((p, i) => api(p).meeting.submit(i % 4 === 0 ? head : member)));
    console.info(`[meeting] 20 concurrent applications on ${testDb.kind}: ${Date.now() - started} ms`);
    const accepted = results.filter((s) => s.status === "fulfilled");
    expect(accepted).toHaveLength(2);
    for (const s of results) {
      if (s.status === "rejected") expect(String(s.reason)).toMatch(/Квота делегации|руководител/);
    }
    expect(await activeIn(r.id)).toEqual([
      { status: "SUBMITTED", role: "HEAD", _count: { _all: 1 } },
      { status: "SUBMITTED", role: "MEMBER", _count: { _all: 1 } },
    ]);
  });

  it("with a region quota of 5 and the reserve on, 20 concurrent: 5 in, the rest in reserve (no second head)", async () => {
    const r = await region();
    await api(organiser).meeting.setQuota({ regionId: r.id, quota: 5 });
    const settings = await testDb.db.edition.findUniqueOrThrow({ where: { id: editionId } });
    await testDb.db.edition.update({ where: { id: editionId }, data: { meetingReserveEnabled: true } });
    try {
      const people = await Promise.all(Array.from({ length: 20 }, () => official(r.id)));
      const results = await Promise.allSettled(people.map((p, i) => api(p).meeting.submit(i < 3 ? head : member)));
      const outcomes = results.map((s) => (s.status === "fulfilled" ? s.value.status : "REFUSED"));
      expect(outcomes.filter((o) => o === "SUBMITTED")).toHaveLength(5);
      expect(outcomes.filter((o) => o === "REFUSED")).toHaveLength(2);
      expect(outcomes.filter((o) => o === "RESERVE")).toHaveLength(13);
      expect(await activeIn(r.id)).toEqual([
        { status: "SUBMITTED", role: "HEAD", _count: { _all: 1 } },
        { status: "SUBMITTED", role: "MEMBER", _count: { _all: 4 } },
        { status: "RESERVE", role: "MEMBER", _count: { _all: 13 } },
      ]);
      const reserved = people[results.findIndex((s) => s.status === "fulfilled" && s.value.status === "RESERVE")]!;
      expect((await mailsTo(testDb.db, reserved.email))[0]).toMatchObject({ kind: "meeting.reserve" });
    } finally {
      await testDb.db.edition.update({
        where: { id: editionId },
        data: { meetingReserveEnabled: settings.meetingReserveEnabled },
      });
    }
  });
});

describe("who sees the meeting's time, room and materials", () => {
  it("accredited delegates and organisers do; applicants who are not accredited, other participants and guests do not", async () => {
    const r = await region();
    const [delegate, waiting] = await Promise.all([official(r.id), official(r.id)]);
    const other = await createParticipant(testDb.db, editionId);
    const { id } = await api(delegate).meeting.submit(head);
    await api(waiting).meeting.submit(member);
    await api(organiser).meeting.accredit({ id });

    const guest = await api(null).meeting.view();
    expect(guest).toMatchObject({ open: true, details: null, viewer: null });
    expect(guest.session).toMatchObject({ id: meetingId, day: "2025-08-26" });
    expect(JSON.stringify(guest)).not.toContain(MEETING_ROOM);
    for (const who of [waiting, other]) {
      const view = await api(who).meeting.view();
      expect(view.details).toBeNull();
      expect(JSON.stringify(view)).not.toContain(MEETING_ROOM);
      expect(JSON.stringify(view)).not.toContain(MATERIALS);
    }
    const mine = await api(delegate).meeting.view();
    expect(mine.details).toMatchObject({ room: { name: MEETING_ROOM }, materials: MATERIALS });
    expect(mine.details?.startsAt.toISOString()).toBe("2025-08-26T07:00:00.000Z");
    expect((await api(organiser).meeting.view()).details?.room?.name).toBe(MEETING_ROOM);

    expect((await api(delegate).meeting.forSession({ sessionId: meetingId }))?.details?.materials).toBe(MATERIALS);
    expect((await api(null).meeting.forSession({ sessionId: meetingId }))?.details).toBeNull();
    const ordinary = await createSession(testDb.db, { editionId });
    expect(await api(delegate).meeting.forSession({ sessionId: ordinary.id })).toBeNull();

    // A delegate who cancels their registration stops seeing them.
    await testDb.db.registration.update({ where: { id: delegate.registrationId }, data: { status: "CANCELLED" } });
    expect((await api(delegate).meeting.view()).details).toBeNull();
  });

  it("the head of a delegation sees its members' names and states, a member sees only their own application", async () => {
    const r = await region();
    const [h, m] = await Promise.all([
      official(r.id, { surname: "Кедров", firstName: "Олег" }),
      official(r.id, { surname: "Лисина", firstName: "Ольга" }),
    ]);
    await api(h).meeting.submit(head);
    await api(m).meeting.submit(member);
    const headView = await api(h).meeting.view();
    expect(headView.viewer?.delegation).toEqual([
      expect.objectContaining({ name: "Лисина Ольга Сергеевна", role: "MEMBER", status: "SUBMITTED" }),
    ]);
    expect(Object.keys(headView.viewer!.delegation[0]!).sort()).toEqual([
      "id",
      "name",
      "role",
      "status",
      "substituteEmail",
    ]);
    expect((await api(m).meeting.view()).viewer?.delegation).toEqual([]);
  });
});
