/**
 * What the organisers read: the meeting settings, the applications (filtered, a page at a time),
 * the roll-call of all regions, and the questions by agenda topic. Read-only.
 */
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";
import type { ApplicationStatus, DelegateRole, FederalDistrict, MeetingTopic } from "~/server/generated/prisma/enums";
import { currentEdition } from "~/server/meeting/delegation";
import {
  effectiveQuota,
  FEDERAL_DISTRICTS,
  fullName,
  MEETING_TOPICS,
  QUOTA_FOLLOWS_DEFAULT,
  rollCallState,
  summariseRollCall,
  type RollCallCounts,
  type RollCallState,
} from "~/server/meeting/rules";
import { APPLICATIONS_PAGE_SIZE, SUBSTITUTION_FILTER, type ApplicationsInput } from "~/server/meeting/schema";

const personSelect = (editionId: string) =>
  ({
    email: true,
    registrations: {
      where: { editionId },
      select: { surname: true, firstName: true, patronymic: true, phone: true, category: true, status: true },
    },
  }) satisfies Prisma.UserSelect;

const districtIndex = (d: FederalDistrict) => FEDERAL_DISTRICTS.indexOf(d);

async function regionsInOrder(db: Db) {
  const regions = await db.region.findMany({
    select: { id: true, code: true, name: true, federalDistrict: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  return regions.sort((a, b) => districtIndex(a.federalDistrict) - districtIndex(b.federalDistrict));
}

/** Settings, the sessions that can be the meeting, and every region with its quota. */
export async function getSettings({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  const [sessions, regions, overrides] = await Promise.all([
    db.programmeSession.findMany({
      where: {
        editionId: edition.id,
        OR: [{ format: "MEETING" }, { isClosed: true }, { id: edition.meetingSessionId ?? "" }],
      },
      select: { id: true, title: true, startsAt: true, status: true },
      orderBy: { startsAt: "asc" },
    }),
    regionsInOrder(db),
    db.regionQuota.findMany({
      where: { editionId: edition.id, quota: { not: QUOTA_FOLLOWS_DEFAULT } },
      select: { regionId: true, quota: true },
    }),
  ]);
  const own = new Map(overrides.map((o) => [o.regionId, o.quota]));
  return {
    edition,
    sessions,
    regions: regions.map((r) => ({
      id: r.id,
      name: r.name,
      federalDistrict: r.federalDistrict,
      override: own.get(r.id) ?? null,
      quota: effectiveQuota(own.has(r.id) ? { quota: own.get(r.id)! } : null, edition.meetingDefaultQuota),
    })),
  };
}

/** Applications for the organisers, filtered by district, region and state, a page at a time. */
export async function listApplications({ db, input }: { db: Db; input: ApplicationsInput }) {
  const edition = await currentEdition(db);
  const where: Prisma.MeetingApplicationWhereInput = { editionId: edition.id };
  if (input.district) where.region = { federalDistrict: input.district };
  if (input.regionId) where.regionId = input.regionId;
  if (input.status === SUBSTITUTION_FILTER) where.substituteUserId = { not: null };
  else if (input.status) where.status = input.status;
  const [total, rows] = await Promise.all([
    db.meetingApplication.count({ where }),
    db.meetingApplication.findMany({
      where,
      select: {
        id: true,
        status: true,
        role: true,
        topic: true,
        question: true,
        authorityName: true,
        position: true,
        declineReason: true,
        createdAt: true,
        decidedAt: true,
        replacesId: true,
        substituteUserId: true,
        substituteNote: true,
        region: { select: { id: true, name: true, federalDistrict: true } },
        user: { select: personSelect(edition.id) },
      },
      orderBy: [{ region: { sortOrder: "asc" } }, { role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * APPLICATIONS_PAGE_SIZE,
      take: APPLICATIONS_PAGE_SIZE,
    }),
  ]);
  const subIds = rows.map((r) => r.substituteUserId).filter((id): id is string => Boolean(id));
  const subs = subIds.length
    ? await db.user.findMany({ where: { id: { in: subIds } }, select: { id: true, ...personSelect(edition.id) } })
    : [];
  const items = rows.map(({ user, substituteUserId, ...r }) => {
    const reg = user.registrations[0];
    const sub = subs.find((s) => s.id === substituteUserId);
    return {
      ...r,
      name: fullName(reg),
      email: user.email,
      phone: reg?.phone ?? null,
      category: reg?.category ?? null,
      substitute: sub
        ? { email: sub.email, name: fullName(sub.registrations[0]), category: sub.registrations[0]?.category ?? null }
        : null,
    };
  });
  return {
    items,
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / APPLICATIONS_PAGE_SIZE)),
    pending: await db.meetingApplication.count({ where: { editionId: edition.id, substituteUserId: { not: null } } }),
  };
}

export type RollCallDelegate = {
  id: string;
  name: string;
  email: string;
  role: DelegateRole;
  status: ApplicationStatus;
  authorityName: string;
  position: string;
};
export type RollCallRegion = {
  id: number;
  code: string;
  name: string;
  state: RollCallState;
  delegates: RollCallDelegate[];
};
export type RollCall = {
  edition: { name: string };
  districts: { district: FederalDistrict; regions: RollCallRegion[]; counts: RollCallCounts }[];
  total: RollCallCounts;
};

/** Every region, grouped by federal district, with its state and delegates (withdrawn ones left out). */
export async function getRollCall({ db }: { db: Db }): Promise<RollCall> {
  const edition = await currentEdition(db);
  const [regions, apps] = await Promise.all([
    regionsInOrder(db),
    db.meetingApplication.findMany({
      where: { editionId: edition.id, status: { not: "WITHDRAWN" } },
      select: {
        id: true,
        regionId: true,
        role: true,
        status: true,
        authorityName: true,
        position: true,
        user: { select: personSelect(edition.id) },
      },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const byRegion = new Map<number, RollCallDelegate[]>();
  for (const a of apps) {
    const list = byRegion.get(a.regionId) ?? [];
    list.push({
      id: a.id,
      name: fullName(a.user.registrations[0]),
      email: a.user.email,
      role: a.role,
      status: a.status,
      authorityName: a.authorityName,
      position: a.position,
    });
    byRegion.set(a.regionId, list);
  }
  const rows = regions.map((r) => {
    const delegates = byRegion.get(r.id) ?? [];
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      federalDistrict: r.federalDistrict,
      state: rollCallState(delegates.map((d) => d.status)),
      delegates,
      accreditedDelegates: delegates.filter((d) => d.status === "ACCREDITED").length,
    };
  });
  const summary = summariseRollCall(rows);
  return {
    edition: { name: edition.name },
    districts: FEDERAL_DISTRICTS.map((district) => ({
      district,
      regions: rows
        .filter((r) => r.federalDistrict === district)
        .map(({ id, code, name, state, delegates }) => ({ id, code, name, state, delegates })),
      counts: summary.byDistrict[district],
    })),
    total: summary.total,
  };
}

export type QuestionItem = {
  id: string;
  region: string;
  name: string;
  authorityName: string;
  position: string;
  status: ApplicationStatus;
  question: string;
  createdAt: Date;
};

/** Questions and proposals of applicants still in the running (not withdrawn or declined), by agenda topic. */
export async function getQuestions({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  const rows = await db.meetingApplication.findMany({
    where: {
      editionId: edition.id,
      question: { not: null },
      status: { in: ["SUBMITTED", "RESERVE", "ACCREDITED"] },
    },
    select: {
      id: true,
      topic: true,
      question: true,
      status: true,
      authorityName: true,
      position: true,
      createdAt: true,
      region: { select: { name: true, sortOrder: true } },
      user: { select: personSelect(edition.id) },
    },
    orderBy: [{ region: { sortOrder: "asc" } }, { createdAt: "asc" }],
  });
  const topics: { topic: MeetingTopic | null; items: QuestionItem[] }[] = [
    ...MEETING_TOPICS.map((topic) => ({ topic, items: [] as QuestionItem[] })),
    { topic: null, items: [] },
  ];
  for (const r of rows) {
    const group = topics.find((g) => g.topic === (r.topic ?? null))!;
    group.items.push({
      id: r.id,
      region: r.region.name,
      name: fullName(r.user.registrations[0]),
      authorityName: r.authorityName,
      position: r.position,
      status: r.status,
      question: r.question ?? "",
      createdAt: r.createdAt,
    });
  }
  return {
    edition: { name: edition.name },
    topics: topics.filter((g) => g.topic !== null || g.items.length > 0),
    total: rows.length,
  };
}
