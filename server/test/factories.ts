/**
 * Test data factories: each call makes new rows with unique names, so tests never share
 * ids or depend on order.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "~/server/db/client";
import type { SessionFormat, SessionStatus, SpeakerRole } from "~/server/generated/prisma/client";
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
      searchText: buildSessionSearchText({ title, description, people: people.map((p) => p.fullName) }),
      speakers: { create: people.map((p, order) => ({ speakerId: p.id, role: p.role, order })) },
    },
  });
}
