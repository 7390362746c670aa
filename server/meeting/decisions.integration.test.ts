/**
 * The organisers' decisions and what follows: accredit, decline with a reason, withdraw, the
 * reserve moving up, substitution, quotas and settings — each with its mail and audit entry —
 * and the roll-call and questions against the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/auth/roles";
import {
  application,
  auditFor,
  callerFor,
  createMeetingEdition,
  expectTrpcError,
  MEETING_ROOM,
  mailsTo,
} from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createParticipant, createRegion, createRegionalOfficial } from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;
let organiser: SessionUser;
let api: ReturnType<typeof callerFor>;

beforeAll(async () => {
  testDb = await createTestDb();
  const m = await createMeetingEdition(testDb.db);
  editionId = m.edition.id;
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
const member = { ...application, role: "MEMBER" as const };
const statusOf = async (id: string) =>
  (await testDb.db.meetingApplication.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

async function withReserve<T>(fn: () => Promise<T>): Promise<T> {
  await testDb.db.edition.update({ where: { id: editionId }, data: { meetingReserveEnabled: true } });
  try {
    return await fn();
  } finally {
    await testDb.db.edition.update({ where: { id: editionId }, data: { meetingReserveEnabled: false } });
  }
}

describe("accredit and decline", () => {
  it("accrediting tells the delegate the time and room by mail and is in the audit log; only once", async () => {
    const r = await region();
    const p = await official(r.id);
    const { id } = await api(p).meeting.submit(head);
    await expectTrpcError(api(p).meeting.accredit({ id }), "FORBIDDEN");
    await expectTrpcError(api(null).meeting.accredit({ id }), "UNAUTHORIZED");
    expect(await api(organiser).meeting.accredit({ id })).toEqual({ id, status: "ACCREDITED" });
    const stored = await testDb.db.meetingApplication.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "ACCREDITED", decidedById: organiser.id });
    const mail = (await mailsTo(testDb.db, p.email)).at(-1)!;
    expect(mail).toMatchObject({ kind: "meeting.accredited", subject: "Вы аккредитованы на августовское совещание" });
    expect(mail.text).toContain("10:00–14:00 МСК");
    expect(mail.text).toContain(MEETING_ROOM);
    expect(await auditFor(testDb.db, id)).toEqual([
      {
        action: "application.accredit",
        actorEmail: organiser.email,
        before: { status: "SUBMITTED" },
        after: { status: "ACCREDITED" },
      },
    ]);
    await expectTrpcError(api(organiser).meeting.accredit({ id }), "CONFLICT", /аккредитован/);
    expect(await auditFor(testDb.db, id)).toHaveLength(1);
  });

  it("declining needs a reason, sends it to the applicant, and gives the seat to the first in reserve", async () => {
    const r = await region();
    const [h, m1, m2, m3] = await Promise.all([official(r.id), official(r.id), official(r.id), official(r.id)]);
    await api(h).meeting.submit(head);
    const first = await api(m1).meeting.submit(member);
    const [waiting, later] = await withReserve(async () => [
      await api(m2).meeting.submit(member),
      await api(m3).meeting.submit(member),
    ]);
    expect([waiting.status, later.status]).toEqual(["RESERVE", "RESERVE"]);

    await expectTrpcError(api(organiser).meeting.decline({ id: first.id, reason: "" }), "BAD_REQUEST");
    await api(organiser).meeting.decline({ id: first.id, reason: "Делегацию представляет руководитель." });
    expect(await statusOf(first.id)).toBe("DECLINED");
    const declined = (await mailsTo(testDb.db, m1.email)).at(-1)!;
    expect(declined).toMatchObject({ kind: "meeting.declined" });
    expect(declined.text).toContain("Причина: Делегацию представляет руководитель.");
    expect((await auditFor(testDb.db, first.id)).map((a) => a.action)).toEqual(["application.decline"]);

    // The reserve moves up even though the organisers switched the reserve off meanwhile.
    expect(await statusOf(waiting.id)).toBe("SUBMITTED");
    expect(await statusOf(later.id)).toBe("RESERVE");
    expect((await mailsTo(testDb.db, m2.email)).at(-1)).toMatchObject({ kind: "meeting.promoted" });
    expect(await auditFor(testDb.db, waiting.id)).toEqual([
      expect.objectContaining({ action: "application.promote", actorEmail: organiser.email }),
    ]);
    // Declining a reserve application frees no seat: nobody moves.
    await api(organiser).meeting.decline({ id: later.id, reason: "Квота региона исчерпана." });
    expect(await statusOf(later.id)).toBe("DECLINED");
    await expectTrpcError(api(organiser).meeting.decline({ id: later.id, reason: "Ещё раз" }), "CONFLICT");
  });

  it("the applicant sees the state and the reason", async () => {
    const r = await region();
    const p = await official(r.id);
    const { id } = await api(p).meeting.submit(head);
    await api(organiser).meeting.decline({ id, reason: "Заявку подаёт министр лично." });
    const view = await api(p).meeting.view();
    expect(view.viewer?.application).toMatchObject({
      status: "DECLINED",
      declineReason: "Заявку подаёт министр лично.",
    });
    expect(view.details).toBeNull();
  });
});

describe("withdraw", () => {
  it("the applicant withdraws their own application; its seat goes to the reserve; once only", async () => {
    const r = await region();
    const [h, m1, m2] = await Promise.all([official(r.id), official(r.id), official(r.id)]);
    const mine = await api(h).meeting.submit(head);
    await api(organiser).meeting.accredit({ id: mine.id });
    const taken = await api(m1).meeting.submit(member);
    const queued = await withReserve(() => api(m2).meeting.submit(member));
    expect(queued.status).toBe("RESERVE");

    await api(m1).meeting.withdraw();
    expect(await statusOf(taken.id)).toBe("WITHDRAWN");
    expect(await statusOf(queued.id)).toBe("SUBMITTED");
    expect((await auditFor(testDb.db, taken.id)).map((a) => [a.action, a.actorEmail])).toEqual([
      ["application.withdraw", m1.email],
    ]);
    await expectTrpcError(api(m1).meeting.withdraw(), "CONFLICT", /отозвана/);
    await expectTrpcError(api(m1).meeting.submit(member), "CONFLICT", /уже подали/);
    const stranger = await createParticipant(testDb.db, editionId);
    await expectTrpcError(api(stranger).meeting.withdraw(), "NOT_FOUND");

    // An accredited delegate who withdraws no longer sees the details.
    await api(h).meeting.withdraw();
    expect((await api(h).meeting.view()).details).toBeNull();
  });
});

describe("substitution", () => {
  async function delegation() {
    const r = await region();
    const h = await official(r.id, { surname: "Кедров" });
    const m = await official(r.id, { surname: "Лисина" });
    const sub = await createParticipant(testDb.db, editionId, { surname: "Новикова", position: "Консультант" });
    const headApp = await api(h).meeting.submit(head);
    const memberApp = await api(m).meeting.submit(member);
    await api(organiser).meeting.accredit({ id: headApp.id });
    await api(organiser).meeting.accredit({ id: memberApp.id });
    return { r, h, m, sub, headApp, memberApp };
  }

  it("the head proposes a registered participant by email; organisers approve: the member is replaced", async () => {
    const { r, h, m, sub, memberApp } = await delegation();
    await expectTrpcError(
      api(m).meeting.proposeSubstitute({ applicationId: memberApp.id, email: sub.email }),
      "FORBIDDEN",
      /только руководитель/,
    );
    await expectTrpcError(
      api(h).meeting.proposeSubstitute({ applicationId: memberApp.id, email: "nobody@example.test" }),
      "CONFLICT",
      /нет человека с адресом nobody@example.test/,
    );
    await api(h).meeting.proposeSubstitute({
      applicationId: memberApp.id,
      email: sub.email.toUpperCase(),
      note: "Болезнь",
    });
    expect((await api(h).meeting.view()).viewer?.delegation[0]).toMatchObject({ substituteEmail: sub.email });
    await expectTrpcError(
      api(h).meeting.proposeSubstitute({ applicationId: memberApp.id, email: sub.email }),
      "CONFLICT",
      /уже предложена/,
    );
    const listed = await api(organiser).meeting.applications({ regionId: r.id, status: "SUBSTITUTION" });
    expect(listed.items).toEqual([
      expect.objectContaining({
        id: memberApp.id,
        substituteNote: "Болезнь",
        substitute: expect.objectContaining({ email: sub.email }),
      }),
    ]);

    const result = await api(organiser).meeting.approveSubstitute({ id: memberApp.id });
    expect(await statusOf(memberApp.id)).toBe("WITHDRAWN");
    const created = await testDb.db.meetingApplication.findUniqueOrThrow({ where: { id: result.id } });
    expect(created).toMatchObject({
      userId: sub.id,
      regionId: r.id,
      role: "MEMBER",
      status: "ACCREDITED",
      replacesId: memberApp.id,
      position: "Консультант",
    });
    expect((await mailsTo(testDb.db, sub.email)).map((x) => x.kind)).toEqual(["meeting.substitute"]);
    expect((await mailsTo(testDb.db, m.email)).at(-1)?.kind).toBe("meeting.replaced");
    expect((await mailsTo(testDb.db, h.email)).at(-1)?.kind).toBe("meeting.substitution-approved");
    expect((await auditFor(testDb.db, memberApp.id)).map((a) => a.action)).toEqual([
      "application.accredit",
      "application.substitute.approve",
    ]);
    expect((await auditFor(testDb.db, result.id)).map((a) => a.action)).toEqual(["application.accredit"]);
    expect((await api(sub).meeting.view()).details?.room?.name).toBe(MEETING_ROOM);
    expect((await api(m).meeting.view()).details).toBeNull();
    await expectTrpcError(
      api(organiser).meeting.approveSubstitute({ id: memberApp.id }),
      "CONFLICT",
      /нет предложенной замены/,
    );
  });

  it("organisers may reject a proposal (the head is told), and the head may take it back", async () => {
    const { h, sub, memberApp } = await delegation();
    await api(h).meeting.proposeSubstitute({ applicationId: memberApp.id, email: sub.email });
    await api(organiser).meeting.rejectSubstitute({ id: memberApp.id, reason: "Нужна подпись министра." });
    expect(await statusOf(memberApp.id)).toBe("ACCREDITED");
    const mail = (await mailsTo(testDb.db, h.email)).at(-1)!;
    expect(mail.kind).toBe("meeting.substitution-rejected");
    expect(mail.text).toContain("Нужна подпись министра.");
    expect((await auditFor(testDb.db, memberApp.id)).at(-1)?.action).toBe("application.substitute.reject");

    await api(h).meeting.proposeSubstitute({ applicationId: memberApp.id, email: sub.email });
    await api(h).meeting.cancelSubstitute({ id: memberApp.id });
    expect((await api(h).meeting.view()).viewer?.delegation[0]?.substituteEmail).toBeNull();
    await expectTrpcError(api(organiser).meeting.approveSubstitute({ id: memberApp.id }), "CONFLICT");
  });

  it("a substitute who applied on their own meanwhile cannot be approved", async () => {
    const { h, sub, memberApp } = await delegation();
    await testDb.db.registration.updateMany({ where: { userId: sub.id }, data: { category: "REGIONAL_AUTHORITY" } });
    await api(h).meeting.proposeSubstitute({ applicationId: memberApp.id, email: sub.email });
    const other = await region();
    await testDb.db.registration.updateMany({ where: { userId: sub.id }, data: { regionId: other.id } });
    await api(sub).meeting.submit(head);
    await expectTrpcError(
      api(organiser).meeting.approveSubstitute({ id: memberApp.id }),
      "CONFLICT",
      /Отклоните замену/,
    );
    expect(await statusOf(memberApp.id)).toBe("ACCREDITED");
  });
});

describe("quotas and settings", () => {
  it("a region's own quota lets more in and fills its reserve; null returns it to the default", async () => {
    const r = await region();
    const [h, m1, m2] = await Promise.all([official(r.id), official(r.id), official(r.id)]);
    await api(h).meeting.submit(head);
    await api(m1).meeting.submit(member);
    const queued = await withReserve(() => api(m2).meeting.submit(member));
    await api(organiser).meeting.setQuota({ regionId: r.id, quota: 3 });
    expect(await statusOf(queued.id)).toBe("SUBMITTED");
    const audit = await auditFor(testDb.db, `${editionId}:${r.id}`);
    expect(audit[0]).toMatchObject({
      action: "meeting.quota",
      before: { quota: null },
      after: { quota: 3, effective: 3 },
    });

    const settings = await api(organiser).meeting.settings();
    expect(settings.regions.find((x) => x.id === r.id)).toMatchObject({ override: 3, quota: 3 });
    await api(organiser).meeting.setQuota({ regionId: r.id, quota: null });
    expect((await api(organiser).meeting.settings()).regions.find((x) => x.id === r.id)).toMatchObject({
      override: null,
      quota: 2,
    });
    await expectTrpcError(api(organiser).meeting.setQuota({ regionId: r.id, quota: 0 }), "BAD_REQUEST");
    await expectTrpcError(api(h).meeting.setQuota({ regionId: r.id, quota: 9 }), "FORBIDDEN");
  });

  it("a higher default quota fills the reserve of regions that follow the default; settings are audited", async () => {
    const r = await region();
    const [h, m1, m2] = await Promise.all([official(r.id), official(r.id), official(r.id)]);
    await api(h).meeting.submit(head);
    await api(m1).meeting.submit(member);
    const queued = await withReserve(() => api(m2).meeting.submit(member));
    const before = await api(organiser).meeting.settings();
    await api(organiser).meeting.updateSettings({
      meetingSessionId: before.edition.meetingSessionId ?? undefined,
      defaultQuota: 3,
      reserveEnabled: false,
    });
    try {
      expect(await statusOf(queued.id)).toBe("SUBMITTED");
      const audit = await auditFor(testDb.db, editionId);
      expect(audit.at(-1)).toMatchObject({
        action: "meeting.settings",
        before: { meetingDefaultQuota: 2 },
        after: { meetingDefaultQuota: 3 },
      });
    } finally {
      await testDb.db.edition.update({ where: { id: editionId }, data: { meetingDefaultQuota: 2 } });
    }
    await expectTrpcError(
      api(organiser).meeting.updateSettings({ meetingSessionId: "nope", defaultQuota: 2, reserveEnabled: false }),
      "NOT_FOUND",
    );
  });

  it("materials are edited by organisers, audited, and shown to accredited delegates", async () => {
    const r = await region();
    const p = await official(r.id);
    const { id } = await api(p).meeting.submit(head);
    await api(organiser).meeting.accredit({ id });
    const old = (await api(organiser).meeting.settings()).edition.meetingMaterials;
    await api(organiser).meeting.setMaterials({ materials: "Повестка v2: ссылка на папку с документами." });
    try {
      expect((await api(p).meeting.view()).details?.materials).toBe("Повестка v2: ссылка на папку с документами.");
      expect((await auditFor(testDb.db, editionId)).at(-1)).toMatchObject({ action: "meeting.materials" });
      // A call without the field is refused and erases nothing.
      await expect(api(organiser).meeting.setMaterials({} as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      expect((await api(organiser).meeting.settings()).edition.meetingMaterials).toBe(
        "Повестка v2: ссылка на папку с документами.",
      );
    } finally {
      await api(organiser).meeting.setMaterials({ materials: old });
    }
  });
});

describe("partial inputs", () => {
  it("setMaterials without a materials field is refused and erases nothing", async () => {
    await api(organiser).meeting.setMaterials({ materials: "Проект резолюции, редакция 3." });
    const refused = await api(organiser)
      .meeting.setMaterials({} as never)
      .catch((e: unknown) => e);
    // The field's message, in the caller's language (validation keys are translated by the API).
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      cause: {
        issues: [expect.objectContaining({ path: ["materials"], message: expect.stringMatching(/пустая строка/) })],
      },
    });
    expect((await api(organiser).meeting.settings()).edition.meetingMaterials).toBe("Проект резолюции, редакция 3.");
  });
});

describe("the organisers' lists", () => {
  it("filter applications by district, region and state, a page at a time", async () => {
    const far = await region({ federalDistrict: "FAR_EASTERN" });
    const people = await Promise.all(Array.from({ length: 3 }, () => official(far.id)));
    await testDb.db.regionQuota.upsert({
      where: { editionId_regionId: { editionId, regionId: far.id } },
      create: { editionId, regionId: far.id, quota: 30 },
      update: { quota: 30 },
    });
    const apps = [];
    for (const [i, p] of people.entries()) apps.push(await api(p).meeting.submit(i === 0 ? head : member));
    await api(organiser).meeting.accredit({ id: apps[0]!.id });

    const district = await api(organiser).meeting.applications({ district: "FAR_EASTERN" });
    expect(district.items.map((a) => a.id).sort()).toEqual(apps.map((a) => a.id).sort());
    expect(district.items[0]).toMatchObject({ role: "HEAD", email: people[0]!.email, region: { id: far.id } });
    const accredited = await api(organiser).meeting.applications({ regionId: far.id, status: "ACCREDITED" });
    expect(accredited.items.map((a) => a.id)).toEqual([apps[0]!.id]);
    const all = await api(organiser).meeting.applications({});
    expect(all.total).toBeGreaterThan(20);
    expect(all.items).toHaveLength(20);
    expect(all.pageCount).toBe(Math.ceil(all.total / 20));
    const last = await api(organiser).meeting.applications({ page: all.pageCount });
    expect(last.items).toHaveLength(all.total - 20 * (all.pageCount - 1));
  });

  it("the roll-call lists every region by district with its state and delegates; counts match the data", async () => {
    const [accredited, applied, declined, withdrawn] = await Promise.all([
      region({ federalDistrict: "URAL" }),
      region({ federalDistrict: "URAL" }),
      region({ federalDistrict: "URAL" }),
      region({ federalDistrict: "URAL" }),
    ]);
    const a = await official(accredited.id, { surname: "Аккредитованный" });
    await api(organiser).meeting.accredit({ id: (await api(a).meeting.submit(head)).id });
    await api(await official(applied.id)).meeting.submit(head);
    const d = await official(declined.id);
    await api(organiser).meeting.decline({ id: (await api(d).meeting.submit(head)).id, reason: "Не по квоте" });
    const w = await official(withdrawn.id);
    await api(w).meeting.submit(head);
    await api(w).meeting.withdraw();

    const rollCall = await api(organiser).meeting.rollCall();
    const ural = rollCall.districts.find((x) => x.district === "URAL")!;
    const state = (id: number) => ural.regions.find((x) => x.id === id)?.state;
    expect([state(accredited.id), state(applied.id), state(declined.id), state(withdrawn.id)]).toEqual([
      "ACCREDITED",
      "APPLIED",
      "DECLINED",
      "NONE",
    ]);
    expect(ural.regions.find((x) => x.id === accredited.id)?.delegates).toEqual([
      expect.objectContaining({ name: "Аккредитованный Анна Сергеевна", role: "HEAD", status: "ACCREDITED" }),
    ]);
    expect(ural.regions.find((x) => x.id === withdrawn.id)?.delegates).toEqual([]);
    expect(ural.counts).toMatchObject({
      ACCREDITED: 1,
      APPLIED: 1,
      DECLINED: 1,
      NONE: 1,
      regions: 4,
      accreditedDelegates: 1,
    });

    // Totals against the database, computed independently.
    const regions = await testDb.db.region.count();
    expect(rollCall.total.regions).toBe(regions);
    expect(rollCall.districts.reduce((n, x) => n + x.regions.length, 0)).toBe(regions);
    const accreditedRegions = await testDb.db.region.count({
      where: { applications: { some: { editionId, status: "ACCREDITED" } } },
    });
    expect(rollCall.total.ACCREDITED).toBe(accreditedRegions);
    expect(rollCall.total.accreditedDelegates).toBe(
      await testDb.db.meetingApplication.count({ where: { editionId, status: "ACCREDITED" } }),
    );
    expect(rollCall.total.ACCREDITED + rollCall.total.APPLIED + rollCall.total.DECLINED + rollCall.total.NONE).toBe(
      regions,
    );
    await expectTrpcError(api(a).meeting.rollCall(), "FORBIDDEN");
  });

  it("questions are grouped by agenda topic, without those of withdrawn or declined applicants", async () => {
    const r = await region();
    await testDb.db.regionQuota.create({ data: { editionId, regionId: r.id, quota: 10 } });
    const [p1, p2, p3] = await Promise.all([official(r.id), official(r.id), official(r.id)]);
    await api(p1).meeting.submit({ ...head, topic: "PARTNERSHIP", question: "Как делить расходы с работодателями?" });
    await api(p2).meeting.submit({ ...member, topic: "LABOUR_MARKET", question: "Откуда брать прогноз?" });
    await api(p3).meeting.submit({ ...member, topic: "LABOUR_MARKET", question: "Снятый вопрос" });
    await api(p3).meeting.withdraw();
    const { topics } = await api(organiser).meeting.questions();
    const texts = (topic: string) => topics.find((g) => g.topic === topic)?.items.map((i) => i.question);
    expect(texts("PARTNERSHIP")).toContain("Как делить расходы с работодателями?");
    expect(texts("LABOUR_MARKET")).toContain("Откуда брать прогноз?");
    expect(topics.flatMap((g) => g.items.map((i) => i.question))).not.toContain("Снятый вопрос");
  });
});
