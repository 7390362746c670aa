/**
 * Test data factories: each call makes new rows with unique names, so tests never share
 * ids or depend on order.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import type {
  FederalDistrict,
  ParticipantCategory,
  RegistrationStatus,
  SessionFormat,
  SessionStatus,
  SpeakerRole,
  UserRole,
} from "~/server/generated/prisma/client";
import { buildSessionSearchText } from "~/server/programme/rules";
import { zonedTimeToUtc } from "~/server/programme/time";

export const uid = (): string => randomBytes(4).toString("hex");

export async function createEdition(db: Db, over: { startDay?: string; days?: number; slug?: string } = {}) {
  const startDay = over.startDay ?? "2025-08-25";
  const start = zonedTimeToUtc(startDay, "00:00", "Europe/Moscow");
  const end = new Date(start.getTime() + (over.days ?? 5) * 86_400_000);
  return db.edition.create({
    data: {
      slug: over.slug ?? `edition-${uid()}`,
      name: "Форум СПО (тест)",
      city: "Калуга",
      venue: "Тестовая площадка",
      startsAt: start,
      endsAt: end,
      timeZone: "Europe/Moscow",
    },
  });
}

export async function createTrack(
  db: Db,
  editionId: string,
  over: { code?: string; title?: string; order?: number } = {},
) {
  return db.track.create({
    data: {
      editionId,
      code: over.code ?? `track-${uid()}`,
      title: over.title ?? `Трек ${uid()}`,
      color: "#1d4ed8",
      order: over.order ?? 0,
    },
  });
}

export async function createRoom(db: Db, editionId: string, over: { name?: string; capacity?: number } = {}) {
  return db.room.create({ data: { editionId, name: over.name ?? `Зал ${uid()}`, capacity: over.capacity ?? 100 } });
}

export async function createSpeaker(
  db: Db,
  editionId: string,
  over: { fullName?: string; organisation?: string } = {},
) {
  return db.speaker.create({
    data: { editionId, fullName: over.fullName ?? `Спикер ${uid()}`, organisation: over.organisation ?? "Колледж" },
  });
}

type SessionOver = {
  editionId: string;
  trackId?: string | null;
  roomId?: string | null;
  title?: string;
  description?: string;
  format?: SessionFormat;
  status?: SessionStatus;
  day?: string;
  start?: string;
  end?: string;
  capacity?: number | null;
  isClosed?: boolean;
  bookingRequired?: boolean;
  people?: { id: string; fullName: string; role: SpeakerRole }[];
};

export async function createSession(db: Db, over: SessionOver) {
  const title = over.title ?? `Сессия ${uid()}`;
  const description = over.description ?? "";
  const people = over.people ?? [];
  const day = over.day ?? "2025-08-25";
  return db.programmeSession.create({
    data: {
      editionId: over.editionId,
      trackId: over.trackId ?? null,
      roomId: over.roomId ?? null,
      title,
      description,
      format: over.format ?? "ROUND_TABLE",
      status: over.status ?? "PUBLISHED",
      startsAt: zonedTimeToUtc(day, over.start ?? "10:00", "Europe/Moscow"),
      endsAt: zonedTimeToUtc(day, over.end ?? "11:30", "Europe/Moscow"),
      capacity: over.capacity === undefined ? 50 : over.capacity,
      isClosed: over.isClosed ?? false,
      bookingRequired: over.bookingRequired ?? true,
      searchText: buildSessionSearchText({ title, description, people: people.map((p) => p.fullName) }),
      speakers: { create: people.map((p, order) => ({ speakerId: p.id, role: p.role, order })) },
    },
  });
}

/**
 * A person who may book: a User with a registration for the edition (CONFIRMED unless told
 * otherwise). Returns the SessionUser shape the tRPC context takes, plus the registration id.
 */
export async function createParticipant(
  db: Db,
  editionId: string,
  over: {
    status?: RegistrationStatus;
    email?: string;
    firstName?: string;
    surname?: string;
    role?: UserRole;
    category?: ParticipantCategory;
    regionId?: number | null;
    position?: string;
  } = {},
) {
  const email = over.email ?? `participant-${uid()}${uid()}@example.test`;
  const status = over.status ?? "CONFIRMED";
  const user = await db.user.create({
    data: { email, role: over.role ?? "PARTICIPANT" },
    select: { id: true, email: true, role: true },
  });
  const registration = await db.registration.create({
    data: {
      editionId,
      userId: user.id,
      email,
      surname: over.surname ?? "Участникова",
      firstName: over.firstName ?? "Анна",
      patronymic: "Сергеевна",
      phone: "+79990000000",
      organisation: "Калужский колледж (тест)",
      position: over.position ?? "Преподаватель",
      category: over.category ?? "TEACHER",
      regionId: over.regionId ?? null,
      consentVersion: "test",
      consentAt: new Date(),
      status,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
    },
    select: { id: true },
  });
  return { ...user, registrationId: registration.id };
}

/** A valid registration form, with a unique email; override any field. */
export function registrationForm(over: Partial<Record<string, unknown>> = {}) {
  return {
    surname: "Иванова",
    firstName: "Мария",
    patronymic: "Сергеевна",
    phone: "8 (910) 123-45-67",
    regionId: 1,
    organisation: "Калужский колледж",
    position: "Преподаватель",
    category: "TEACHER" as const,
    cluster: "",
    email: `person-${uid()}@example.ru`,
    password: "correct horse battery",
    consent: true as const,
    ...over,
  };
}

/** A region with a unique code (the 89 real ones come from the seed, which tests do not run). */
export async function createRegion(db: Db, over: { name?: string; federalDistrict?: FederalDistrict } = {}) {
  const code = `t${uid()}`;
  return db.region.create({
    data: {
      code,
      name: over.name ?? `Тестовая область ${code}`,
      federalDistrict: over.federalDistrict ?? "CENTRAL",
      sortOrder: 1000,
    },
  });
}

/** A confirmed participant of the regional-authority category from a region: who may apply to the August meeting. */
export async function createRegionalOfficial(
  db: Db,
  editionId: string,
  regionId: number,
  over: Omit<Parameters<typeof createParticipant>[2] & object, "regionId"> = {},
) {
  return createParticipant(db, editionId, {
    category: "REGIONAL_AUTHORITY",
    position: "Заместитель министра",
    ...over,
    regionId,
  });
}

/** An organiser (or admin) account, optionally limited to some tracks (a track editor). */
export async function createOrganiser(db: Db, over: { role?: "ORGANISER" | "ADMIN"; trackIds?: string[] } = {}) {
  const user = await db.user.create({
    data: { email: `organiser-${uid()}${uid()}@example.test`, role: over.role ?? "ORGANISER" },
    select: { id: true, email: true, role: true },
  });
  if (over.trackIds?.length) {
    await db.organiserTrackScope.createMany({ data: over.trackIds.map((trackId) => ({ userId: user.id, trackId })) });
  }
  return user;
}

/**
 * A confirmed seat made directly (the counter moves with it), at a chosen time so tests can
 * control who booked last.
 */
export async function createBooking(db: Db, sessionId: string, userId: string, createdAt?: Date) {
  await db.programmeSession.update({ where: { id: sessionId }, data: { bookedCount: { increment: 1 } } });
  return db.booking.create({ data: { sessionId, userId, ...(createdAt ? { createdAt } : {}) } });
}

export async function createWaitlistEntry(db: Db, sessionId: string, userId: string) {
  return db.waitlistEntry.create({ data: { sessionId, userId } });
}

export async function createFavourite(db: Db, sessionId: string, userId: string) {
  return db.favourite.create({ data: { sessionId, userId } });
}

/** Texts for `registrationsTable` in tests: plain Russian headers, codes as they are, ISO dates. */
export const registrationTableTexts = {
  title: "t",
  header: {
    fullName: "ФИО",
    email: "Email",
    category: "Категория",
    region: "Регион",
    status: "Статус регистрации",
    registeredAt: "Дата записи",
  },
  yes: "да",
  no: "нет",
  category: (c: string) => c,
  status: (s: string) => s,
  date: (d: Date) => d.toISOString(),
};
