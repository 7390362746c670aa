import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import { foldForSearch, PROGRAMME_PAGE_SIZE, programmePage, searchTerms } from "~/server/programme/rules";
import type { ProgrammeListInput, SpeakerListInput } from "~/server/programme/schema";
import { editionDayKeys, isDayKey, zonedDayKey, zonedDayRange } from "~/server/programme/time";
import { findCurrentEdition } from "~/server/edition/current";
import type { SessionUser } from "~/server/auth/roles";
import { seesMeetingDetails } from "~/server/meeting/visibility";
import { apiErrorsT } from "~/server/i18n/server-messages";

/** What guests may see: never drafts. */
const VISIBLE_STATUSES = ["PUBLISHED", "CANCELLED"] as const;

const trackSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  color: true,
  order: true,
} satisfies Prisma.TrackSelect;
const roomSelect = { id: true, name: true, floor: true, capacity: true } satisfies Prisma.RoomSelect;
const speakerSelect = { id: true, fullName: true, position: true, organisation: true } satisfies Prisma.SpeakerSelect;
/** Pages that show a person (not the programme cards) show their photo: its version only. */
const speakerWithPhotoSelect = { ...speakerSelect, photo: { select: { hash: true } } } satisfies Prisma.SpeakerSelect;

const sessionCardSelect = {
  id: true,
  edition: { select: { meetingSessionId: true, timeZone: true } },
  title: true,
  format: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  isClosed: true,
  status: true,
  isDemo: true,
  track: { select: trackSelect },
  room: { select: roomSelect },
  speakers: {
    select: { role: true, speaker: { select: speakerSelect } },
    orderBy: [{ role: "asc" }, { order: "asc" }],
  },
} satisfies Prisma.ProgrammeSessionSelect;

type SessionCardRow = Prisma.ProgrammeSessionGetPayload<{ select: typeof sessionCardSelect }>;
/** `timeHidden`: the times are the day's bounds, not the real ones (the closed meeting). */
export type SessionCard = Omit<SessionCardRow, "edition"> & { timeHidden: boolean };

type PublicRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  room: unknown;
  edition: { meetingSessionId: string | null; timeZone: string };
};

/**
 * The closed August meeting's room and time are for accredited delegates only (they see them
 * on the meeting's own pages): the public programme carries its day, never its hours or room.
 */
function publicView<T extends PublicRow>(row: T, seesMeeting = false): Omit<T, "edition"> & { timeHidden: boolean } {
  const { edition, ...rest } = row;
  if (edition.meetingSessionId !== row.id || seesMeeting) return { ...rest, timeHidden: false };
  const day = zonedDayRange(zonedDayKey(row.startsAt, edition.timeZone), edition.timeZone);
  return { ...rest, room: null, startsAt: day.from, endsAt: new Date(day.to.getTime() - 60_000), timeHidden: true };
}

const editionSelect = {
  id: true,
  slug: true,
  name: true,
  city: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  isDemo: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  tracks: { select: trackSelect, orderBy: { order: "asc" } },
} satisfies Prisma.EditionSelect;

export type EditionView = Prisma.EditionGetPayload<{ select: typeof editionSelect }> & { days: string[] };

/** The edition the site is about: the latest one by start date. */
export async function getCurrentEdition({ db }: { db: Db }): Promise<EditionView> {
  const edition = await findCurrentEdition(db, editionSelect);
  return { ...edition, days: editionDayKeys(edition.startsAt, edition.endsAt, edition.timeZone) };
}

function programmeWhere(edition: EditionView, input: ProgrammeListInput): Prisma.ProgrammeSessionWhereInput {
  const where: Prisma.ProgrammeSessionWhereInput = {
    editionId: edition.id,
    status: { in: [...VISIBLE_STATUSES] },
  };
  if (input.day && isDayKey(input.day)) {
    const { from, to } = zonedDayRange(input.day, edition.timeZone);
    where.startsAt = { gte: from, lt: to };
  }
  if (input.track) where.track = { code: input.track };
  if (input.format) where.format = input.format;
  const terms = searchTerms(input.q ?? "");
  if (terms.length > 0) where.AND = terms.map((t) => ({ searchText: { contains: t } }));
  return where;
}

type Viewer = Pick<SessionUser, "id" | "role"> | null;

type Sortable = { startsAt: Date; title: string; track: { order: number } | null };

/**
 * Time order, then track, then title — on the times as shown: the hidden meeting sorts by its
 * day's start, so its real hours cannot be read from where it stands in a list.
 */
function byShownTime(a: Sortable, b: Sortable): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    (a.track?.order ?? 1e6) - (b.track?.order ?? 1e6) ||
    a.title.localeCompare(b.title, "ru")
  );
}

/** Published programme of the current edition, filtered; in time order, then by track. */
export async function listProgramme({
  db,
  input,
  actor = null,
}: {
  db: Db;
  input: ProgrammeListInput;
  actor?: Viewer;
}): Promise<SessionCard[]> {
  const edition = await getCurrentEdition({ db });
  const [rows, sees] = await Promise.all([
    db.programmeSession.findMany({ where: programmeWhere(edition, input), select: sessionCardSelect }),
    seesMeetingDetails({ db, actor, editionId: edition.id }),
  ]);
  return rows.map((r) => publicView(r, sees)).sort(byShownTime);
}

/** Just what the order of a list needs: the cards are read for one page only. */
const sessionOrderSelect = {
  id: true,
  edition: { select: { meetingSessionId: true, timeZone: true } },
  title: true,
  startsAt: true,
  endsAt: true,
  track: { select: { order: true } },
} satisfies Prisma.ProgrammeSessionSelect;

export type ProgrammePage = { sessions: SessionCard[]; total: number; page: number; pageCount: number };

/**
 * One page of the programme (PROGRAMME_PAGE_SIZE cards), in the order of `listProgramme` with
 * the closed meeting (hours hidden) heading the day. The order is read from a few columns of
 * every matching session; speakers, rooms and tracks only for the page's cards, so the cost
 * grows with what is shown, not with the size of the programme.
 */
export async function listProgrammePage({
  db,
  input,
  actor = null,
}: {
  db: Db;
  input: ProgrammeListInput & { page?: string };
  actor?: Viewer;
}): Promise<ProgrammePage> {
  const edition = await getCurrentEdition({ db });
  const [order, sees] = await Promise.all([
    db.programmeSession.findMany({ where: programmeWhere(edition, input), select: sessionOrderSelect }),
    seesMeetingDetails({ db, actor, editionId: edition.id }),
  ]);
  const shown = order.map((r) => publicView({ ...r, room: null }, sees)).sort(byShownTime);
  const ordered = [...shown.filter((s) => s.timeHidden), ...shown.filter((s) => !s.timeHidden)];
  const { page, pageCount } = programmePage(input.page, ordered.length);
  const ids = ordered.slice((page - 1) * PROGRAMME_PAGE_SIZE, page * PROGRAMME_PAGE_SIZE).map((s) => s.id);
  const rows = ids.length
    ? await db.programmeSession.findMany({ where: { id: { in: ids } }, select: sessionCardSelect })
    : [];
  const cards = new Map(rows.map((r) => [r.id, publicView(r, sees)]));
  return { sessions: ids.flatMap((id) => cards.get(id) ?? []), total: ordered.length, page, pageCount };
}

/** How many sessions match the filters on each day of the edition (the day filter is ignored). */
export async function countProgrammeByDay({
  db,
  input,
}: {
  db: Db;
  input: ProgrammeListInput;
}): Promise<Record<string, number>> {
  const edition = await getCurrentEdition({ db });
  const rows = await db.programmeSession.findMany({
    where: programmeWhere(edition, { ...input, day: undefined }),
    select: { startsAt: true },
  });
  const counts: Record<string, number> = Object.fromEntries(edition.days.map((d) => [d, 0]));
  for (const r of rows) {
    const day = zonedDayKey(r.startsAt, edition.timeZone);
    counts[day] = (counts[day] ?? 0) + 1;
  }
  return counts;
}

const sessionPageSelect = {
  ...sessionCardSelect,
  description: true,
  updatedAt: true,
  // How to get there: the closed meeting's room is dropped whole by publicView.
  room: { select: { ...roomSelect, description: true, mapUrl: true } },
  speakers: {
    select: { role: true, speaker: { select: { ...speakerWithPhotoSelect, bio: true } } },
    orderBy: [{ role: "asc" }, { order: "asc" }],
  },
} satisfies Prisma.ProgrammeSessionSelect;

export type SessionPage = Omit<Prisma.ProgrammeSessionGetPayload<{ select: typeof sessionPageSelect }>, "edition"> & {
  timeHidden: boolean;
};

export async function getSession({
  db,
  input,
  actor = null,
}: {
  db: Db;
  input: { id: string };
  actor?: Viewer;
}): Promise<SessionPage> {
  const session = await db.programmeSession.findFirst({
    where: { id: input.id, status: { in: [...VISIBLE_STATUSES] } },
    select: { ...sessionPageSelect, editionId: true },
  });
  if (!session) throw notFound(apiErrorsT("noSuchSession"));
  const { editionId, ...row } = session;
  return publicView(row, await seesMeetingDetails({ db, actor, editionId }));
}

/**
 * Speakers matching `where`, alphabetically, a page at a time, searchable by name or
 * organisation. ILIKE folds case on every collation we run; "ё" and "е" are tried both ways.
 */
export async function pageSpeakers<S extends Prisma.SpeakerSelect = typeof speakerSelect>(
  db: Db,
  where: Prisma.SpeakerWhereInput,
  input: { q?: string; page: number; pageSize: number },
  select: S = speakerSelect as S,
) {
  const raw = (input.q ?? "").trim();
  const filtered: Prisma.SpeakerWhereInput = raw
    ? {
        ...where,
        OR: [...new Set([raw, foldForSearch(raw)])].flatMap((q) => [
          { fullName: { contains: q, mode: "insensitive" as const } },
          { organisation: { contains: q, mode: "insensitive" as const } },
        ]),
      }
    : where;
  const [total, items] = await Promise.all([
    db.speaker.count({ where: filtered }),
    db.speaker.findMany({
      where: filtered,
      select,
      orderBy: [{ fullName: "asc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    items: items as Prisma.SpeakerGetPayload<{ select: S }>[],
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

/** Speakers with at least one visible session (the public list). */
export async function listSpeakers({ db, input }: { db: Db; input: SpeakerListInput }) {
  const edition = await getCurrentEdition({ db });
  return pageSpeakers(
    db,
    { editionId: edition.id, sessions: { some: { session: { status: { in: [...VISIBLE_STATUSES] } } } } },
    input,
    speakerWithPhotoSelect,
  );
}

export async function getSpeaker({ db, input, actor = null }: { db: Db; input: { id: string }; actor?: Viewer }) {
  const speaker = await db.speaker.findFirst({
    where: { id: input.id, sessions: { some: { session: { status: { in: [...VISIBLE_STATUSES] } } } } },
    select: {
      ...speakerWithPhotoSelect,
      bio: true,
      sessions: {
        where: { session: { status: { in: [...VISIBLE_STATUSES] } } },
        select: { role: true, session: { select: sessionCardSelect } },
      },
      editionId: true,
    },
  });
  if (!speaker) throw notFound(apiErrorsT("noSuchSpeaker"));
  const { editionId, ...rest } = speaker;
  const sees = await seesMeetingDetails({ db, actor, editionId });
  const sessions = rest.sessions
    .map((s) => ({ ...s, session: publicView(s.session, sees) }))
    .sort((a, b) => byShownTime(a.session, b.session));
  return { ...rest, sessions };
}
