/**
 * Tracks, rooms and speakers of the edition: lists and changes, each change audited in its
 * transaction. Tracks and rooms are shared, so only unrestricted organisers change them; any
 * organiser keeps the list of people. Renaming a person updates the search text of their sessions.
 */
import type { SessionUser } from "~/server/auth/roles";
import { recordAudit } from "~/server/audit/log";
import type { Tx } from "~/server/db/transaction";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { Prisma } from "~/server/generated/prisma/client";
import { assertSpeakerEditable, assertUnrestricted, currentEdition, nextRevision } from "~/server/organiser/context";
import { errorsT } from "~/server/organiser/messages";
import { lockSpeakerName } from "~/server/db/locks";
import { normalizeName, sameName } from "~/server/organiser/people";
import type {
  CreateSpeakerInlineInput,
  IdInput,
  RoomFields,
  SpeakerFields,
  SpeakerListInput,
  TrackFields,
} from "~/server/organiser/schema";
import { buildSessionSearchText } from "~/server/programme/rules";
import { pageSpeakers } from "~/server/programme/service";

type Args<I> = { db: Db; actor: SessionUser; input: I };

const isUnique = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

const trackSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  color: true,
  order: true,
  _count: { select: { sessions: true } },
} satisfies Prisma.TrackSelect;
const roomSelect = {
  id: true,
  name: true,
  capacity: true,
  floor: true,
  description: true,
  mapUrl: true,
  _count: { select: { sessions: true } },
} satisfies Prisma.RoomSelect;
const speakerSelect = {
  id: true,
  fullName: true,
  position: true,
  organisation: true,
  bio: true,
  photo: { select: { hash: true } },
  _count: { select: { sessions: true } },
} satisfies Prisma.SpeakerSelect;

export async function listTracks({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  return db.track.findMany({
    where: { editionId: edition.id },
    select: trackSelect,
    orderBy: [{ order: "asc" }, { code: "asc" }],
  });
}

export async function listRooms({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  return db.room.findMany({ where: { editionId: edition.id }, select: roomSelect, orderBy: { name: "asc" } });
}

/** People of the edition, drafts' speakers included, a page at a time, searchable. */
export async function listSpeakersAdmin({ db, input }: { db: Db; input: SpeakerListInput }) {
  const edition = await currentEdition(db);
  return pageSpeakers(db, { editionId: edition.id }, input, speakerSelect);
}

/** Everyone, for the session form's selects (names only). */
export async function speakerOptions({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  return db.speaker.findMany({
    where: { editionId: edition.id },
    select: { id: true, fullName: true, organisation: true },
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
  });
}

async function audited<T extends { id: string }>(
  db: Db,
  p: { actor: SessionUser; action: string; entity: string; before?: unknown; taken: string },
  write: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await write(tx);
      await recordAudit(tx, {
        actor: p.actor,
        action: p.action,
        entity: p.entity,
        entityId: row.id,
        before: p.before,
        after: row,
      });
      return row;
    });
  } catch (e) {
    if (isUnique(e)) throw new AppError("CONFLICT", errorsT(p.taken as "trackCodeTaken"));
    throw e;
  }
}

const plainTrack = { id: true, code: true, title: true, description: true, color: true, order: true } as const;
const plainRoom = { id: true, name: true, capacity: true, floor: true, description: true, mapUrl: true } as const;
const plainSpeaker = { id: true, fullName: true, position: true, organisation: true, bio: true } as const;

export async function createTrack({ db, actor, input }: Args<{ data: TrackFields }>) {
  await assertUnrestricted(db, actor);
  const edition = await currentEdition(db);
  return audited(db, { actor, action: "track.create", entity: "Track", taken: "trackCodeTaken" }, (tx) =>
    tx.track.create({ data: { ...input.data, editionId: edition.id }, select: plainTrack }),
  );
}

export async function updateTrack({ db, actor, input }: Args<{ id: string; data: TrackFields }>) {
  await assertUnrestricted(db, actor);
  const before = await db.track.findUnique({ where: { id: input.id }, select: plainTrack });
  if (!before) throw new AppError("NOT_FOUND", errorsT("trackNotFound"));
  return audited(db, { actor, action: "track.update", entity: "Track", before, taken: "trackCodeTaken" }, (tx) =>
    tx.track.update({ where: { id: input.id }, data: input.data, select: plainTrack }),
  );
}

export async function deleteTrack({ db, actor, input }: Args<IdInput>) {
  await assertUnrestricted(db, actor);
  const before = await db.track.findUnique({
    where: { id: input.id },
    select: { ...plainTrack, _count: { select: { sessions: true } } },
  });
  if (!before) throw new AppError("NOT_FOUND", errorsT("trackNotFound"));
  if (before._count.sessions > 0)
    throw new AppError("CONFLICT", errorsT("trackInUse", { count: before._count.sessions }));
  return audited(db, { actor, action: "track.delete", entity: "Track", before, taken: "trackCodeTaken" }, (tx) =>
    tx.track.delete({ where: { id: input.id }, select: { id: true } }),
  );
}

export async function createRoom({ db, actor, input }: Args<{ data: RoomFields }>) {
  await assertUnrestricted(db, actor);
  const edition = await currentEdition(db);
  return audited(db, { actor, action: "room.create", entity: "Room", taken: "roomNameTaken" }, (tx) =>
    tx.room.create({ data: { ...input.data, editionId: edition.id }, select: plainRoom }),
  );
}

export async function updateRoom({ db, actor, input }: Args<{ id: string; data: RoomFields }>) {
  await assertUnrestricted(db, actor);
  const before = await db.room.findUnique({ where: { id: input.id }, select: plainRoom });
  if (!before) throw new AppError("NOT_FOUND", errorsT("roomNotFound"));
  return audited(db, { actor, action: "room.update", entity: "Room", before, taken: "roomNameTaken" }, (tx) =>
    tx.room.update({ where: { id: input.id }, data: input.data, select: plainRoom }),
  );
}

export async function deleteRoom({ db, actor, input }: Args<IdInput>) {
  await assertUnrestricted(db, actor);
  const before = await db.room.findUnique({ where: { id: input.id }, select: plainRoom });
  if (!before) throw new AppError("NOT_FOUND", errorsT("roomNotFound"));
  const used = await db.programmeSession.count({ where: { roomId: input.id, status: { not: "CANCELLED" } } });
  if (used > 0) throw new AppError("CONFLICT", errorsT("roomInUse", { count: used }));
  return audited(db, { actor, action: "room.delete", entity: "Room", before, taken: "roomNameTaken" }, (tx) =>
    tx.room.delete({ where: { id: input.id }, select: { id: true } }),
  );
}

export async function createSpeaker({ db, actor, input }: Args<{ data: SpeakerFields }>) {
  const edition = await currentEdition(db);
  return audited(db, { actor, action: "speaker.create", entity: "Speaker", taken: "speakerNotFound" }, (tx) =>
    tx.speaker.create({ data: { ...input.data, editionId: edition.id }, select: plainSpeaker }),
  );
}

/**
 * A new person from the session editor's picker: refused when the edition already has someone of
 * that name (case, «ё» and spacing aside) — the organiser picks that one instead. The name is
 * locked for the check and the insert, so two parallel additions of one name give one person.
 */
export async function createSpeakerInline({ db, actor, input }: Args<CreateSpeakerInlineInput>) {
  const edition = await currentEdition(db);
  return audited(db, { actor, action: "speaker.create", entity: "Speaker", taken: "speakerNotFound" }, async (tx) => {
    await lockSpeakerName(tx, edition.id, normalizeName(input.fullName));
    // Every name of the edition (a few hundred at most): «ё»/«е» and spacing are compared in JS.
    const namesakes = await tx.speaker.findMany({ where: { editionId: edition.id }, select: { fullName: true } });
    const existing = namesakes.find((p) => sameName(p.fullName, input.fullName));
    if (existing) throw new AppError("CONFLICT", errorsT("speakerExists", { name: existing.fullName }));
    return tx.speaker.create({
      data: { fullName: input.fullName, organisation: input.organisation, editionId: edition.id },
      select: plainSpeaker,
    });
  });
}

/** Rebuilds the search text of a person's sessions after a change of name. */
export async function refreshSearchText(tx: Tx, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  const sessions = await tx.programmeSession.findMany({
    where: { id: { in: [...sessionIds] } },
    select: {
      id: true,
      title: true,
      description: true,
      speakers: { select: { speaker: { select: { fullName: true } } } },
    },
  });
  for (const s of sessions) {
    await tx.programmeSession.update({
      where: { id: s.id },
      data: {
        // The name is in the calendar's DESCRIPTION too.
        ...nextRevision,
        searchText: buildSessionSearchText({
          title: s.title,
          description: s.description,
          people: s.speakers.map((p) => p.speaker.fullName),
        }),
      },
    });
  }
}

export async function updateSpeaker({ db, actor, input }: Args<{ id: string; data: SpeakerFields }>) {
  await assertSpeakerEditable(db, actor, input.id);
  const before = await db.speaker.findUnique({ where: { id: input.id }, select: plainSpeaker });
  if (!before) throw new AppError("NOT_FOUND", errorsT("speakerNotFound"));
  return audited(
    db,
    { actor, action: "speaker.update", entity: "Speaker", before, taken: "speakerNotFound" },
    async (tx) => {
      const row = await tx.speaker.update({ where: { id: input.id }, data: input.data, select: plainSpeaker });
      if (before.fullName !== row.fullName) {
        const links = await tx.sessionSpeaker.findMany({ where: { speakerId: row.id }, select: { sessionId: true } });
        await refreshSearchText(
          tx,
          links.map((l) => l.sessionId),
        );
      }
      return row;
    },
  );
}

export async function deleteSpeaker({ db, actor, input }: Args<IdInput>) {
  await assertSpeakerEditable(db, actor, input.id);
  const before = await db.speaker.findUnique({
    where: { id: input.id },
    select: { ...plainSpeaker, _count: { select: { sessions: true } } },
  });
  if (!before) throw new AppError("NOT_FOUND", errorsT("speakerNotFound"));
  if (before._count.sessions > 0)
    throw new AppError("CONFLICT", errorsT("speakerInUse", { count: before._count.sessions }));
  return audited(db, { actor, action: "speaker.delete", entity: "Speaker", before, taken: "speakerNotFound" }, (tx) =>
    tx.speaker.delete({ where: { id: input.id }, select: { id: true } }),
  );
}
