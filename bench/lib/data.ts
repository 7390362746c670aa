/**
 * The bench's own data, written before the server opens the database (an embedded PGlite
 * directory must never have two openers): migrations and the demo seed, then
 *  - at 10×, nine more copies of the demo programme (about 1,000 sessions) with rooms and
 *    speakers of their own, in the same tracks and days;
 *  - the booking window of the demo edition opened;
 *  - a hidden bench edition (it starts a year before the demo one, so the public programme never
 *    shows it) with confirmed participants and sessions for the booking load, the 500-client
 *    race and the pgbench transaction. Its ids are numbered (`bh-u-17`, `bp-s-3`) so that the
 *    load generator and bench/pgbench-booking.sql can name them without asking the database.
 */
import type { BookingTarget } from "~/bench/lib/load";
import { sessionCookie } from "~/bench/lib/server";
import { prepareDatabase } from "~/e2e/ops/cluster";
import { parseDatabaseUrl } from "~/prisma/engine/database-url.mjs";
import { acquirePgliteLock } from "~/prisma/engine/pglite-lock.mjs";
import { openDb, type Db } from "~/server/db/client";
import type { Prisma } from "~/server/generated/prisma/client";
import { buildSessionSearchText } from "~/server/programme/rules";

/** Sizes of the bench edition. Pairs (person, session) never repeat: see `bookingPair`. */
export const FIXTURE = {
  /** Participants booking over HTTP (the first RACERS of them also race). */
  httpPeople: 5000,
  /** Sessions they book, each in its own 5-minute slot, with room for everyone. */
  httpSessions: 20,
  /** The same for the pgbench transaction, on rows of its own (it books ~40 times faster). */
  pgPeople: 10000,
  pgSessions: 20,
  racers: 500,
  raceSeats: 20,
} as const;

/** The k-th booking: person k mod P, session shifted by the lap, so concurrent requests spread. */
export function bookingPair(k: number, people: number, sessions: number): { person: number; session: number } {
  const person = k % people;
  const lap = Math.floor(k / people);
  return { person, session: (person + lap) % sessions };
}

export const httpUserId = (n: number) => `bh-u-${n}`;
export const httpSessionId = (n: number) => `bh-s-${n}`;

/** The session cookies of the people who book over HTTP (person n's at n). */
export const httpCookies = (): Promise<string[]> =>
  Promise.all(Array.from({ length: FIXTURE.httpPeople }, (_, n) => sessionCookie(httpUserId(n))));

/** The booking load on a server: those people and the HTTP sessions, from the first pair on. */
export const httpBookingTarget = (
  server: { base: string; origin: string },
  cookies: readonly string[],
): BookingTarget => ({
  base: server.base,
  origin: server.origin,
  cookies,
  sessionIds: Array.from({ length: FIXTURE.httpSessions }, (_, i) => httpSessionId(i)),
  counter: { k: 0 },
});
export const raceSessionId = (round: number) => `bh-race-${round}`;
export const PGBENCH_SEQUENCE = "bench_pgbench_k";

export type BuiltData = {
  /** The demo participant (registered for the shown edition): the signed-in pages. */
  signedIn: { id: string; sessionVersion: number };
  /** The demo organiser: the organiser's session list. */
  organiser: { id: string; sessionVersion: number };
  /** A bookable demo session on 27 August: the session page. */
  sessionPageId: string;
  programmeSessions: number;
};

const SLOT_MS = 5 * 60_000;
const BENCH_START = Date.parse("2024-08-25T06:00:00Z");

/** Opens the database the way the app does (under the PGlite directory lock). */
export async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(url);
  const release =
    target.kind === "pglite" && target.dataDir
      ? await acquirePgliteLock(target.dataDir, { owner: "bench", waitMs: 15_000 })
      : () => {};
  try {
    const { db, close } = await openDb(target);
    try {
      return await work(db);
    } finally {
      await close();
    }
  } finally {
    release();
  }
}

async function multiplyProgramme(db: Db, editionId: string, copies: number): Promise<void> {
  const rooms = await db.room.findMany({ where: { editionId } });
  const speakers = await db.speaker.findMany({ where: { editionId } });
  const sessions = await db.programmeSession.findMany({
    where: { editionId, isClosed: false },
    include: { speakers: true },
  });
  const nameOf = new Map(speakers.map((s) => [s.id, s.fullName]));
  for (let c = 1; c <= copies; c += 1) {
    const roomId = (id: string | null) => (id ? `bx-r-${c}-${id}` : null);
    const speakerId = (id: string) => `bx-sp-${c}-${id}`;
    await db.room.createMany({
      data: rooms.map((r) => ({
        id: roomId(r.id)!,
        editionId,
        name: `${r.name}, площадка ${c + 1}`,
        capacity: r.capacity,
        floor: r.floor,
      })),
    });
    await db.speaker.createMany({
      data: speakers.map((s) => ({
        id: speakerId(s.id),
        editionId,
        fullName: s.fullName,
        position: s.position,
        organisation: s.organisation,
        bio: s.bio,
        isDemo: true,
      })),
    });
    const rows: Prisma.ProgrammeSessionCreateManyInput[] = sessions.map((s) => {
      const title = `${s.title} (поток ${c + 1})`;
      return {
        id: `bx-s-${c}-${s.id}`,
        editionId,
        trackId: s.trackId,
        roomId: roomId(s.roomId),
        format: s.format,
        title,
        description: s.description,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        capacity: s.capacity,
        bookingRequired: s.bookingRequired,
        status: s.status,
        isDemo: true,
        publishedAt: s.publishedAt,
        searchText: buildSessionSearchText({
          title,
          description: s.description,
          people: s.speakers.map((p) => nameOf.get(p.speakerId) ?? ""),
        }),
      };
    });
    await db.programmeSession.createMany({ data: rows });
    await db.sessionSpeaker.createMany({
      data: sessions.flatMap((s) =>
        s.speakers.map((p) => ({
          sessionId: `bx-s-${c}-${s.id}`,
          speakerId: speakerId(p.speakerId),
          role: p.role,
          order: p.order,
        })),
      ),
    });
  }
}

async function createPeople(db: Db, editionId: string, prefix: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, (_, n) => n);
  const now = new Date();
  for (let from = 0; from < count; from += 1000) {
    const chunk = ids.slice(from, from + 1000);
    await db.user.createMany({
      data: chunk.map((n) => ({ id: `${prefix}-u-${n}`, email: `${prefix}-${n}@bench.test`, role: "PARTICIPANT" })),
    });
    await db.registration.createMany({
      data: chunk.map((n) => ({
        editionId,
        userId: `${prefix}-u-${n}`,
        email: `${prefix}-${n}@bench.test`,
        surname: "Нагрузочная",
        firstName: "Анна",
        phone: "+79990000000",
        organisation: "Колледж (бенчмарк)",
        position: "Преподаватель",
        category: "TEACHER",
        consentVersion: "bench",
        consentAt: now,
        status: "CONFIRMED",
        confirmedAt: now,
      })),
    });
  }
}

function benchSession(editionId: string, id: string, slot: number, capacity: number) {
  const title = `Бенчмарк ${id}`;
  return {
    id,
    editionId,
    format: "ROUND_TABLE" as const,
    title,
    startsAt: new Date(BENCH_START + slot * SLOT_MS),
    endsAt: new Date(BENCH_START + (slot + 1) * SLOT_MS),
    capacity,
    status: "PUBLISHED" as const,
    publishedAt: new Date(),
    searchText: buildSessionSearchText({ title, description: "", people: [] }),
  };
}

async function createBenchEdition(db: Db, rounds: number): Promise<void> {
  const day = 86_400_000;
  const now = Date.now();
  const edition = await db.edition.create({
    data: {
      slug: `bench-${now.toString(36)}`,
      name: "Бенчмарк (скрытая редакция)",
      city: "Калуга",
      venue: "Бенчмарк",
      startsAt: new Date(BENCH_START - 9 * 3600_000),
      endsAt: new Date(BENCH_START + 5 * day),
      bookingOpensAt: new Date(now - day),
      bookingClosesAt: new Date(now + 30 * day),
    },
    select: { id: true },
  });
  await createPeople(db, edition.id, "bh", FIXTURE.httpPeople);
  await createPeople(db, edition.id, "bp", FIXTURE.pgPeople);
  const big = 1_000_000;
  await db.programmeSession.createMany({
    data: [
      ...Array.from({ length: FIXTURE.httpSessions }, (_, i) => benchSession(edition.id, httpSessionId(i), i, big)),
      ...Array.from({ length: FIXTURE.pgSessions }, (_, i) => benchSession(edition.id, `bp-s-${i}`, i, big)),
      // The races come after every load slot, one slot each: a racer never clashes.
      ...Array.from({ length: rounds }, (_, r) =>
        benchSession(edition.id, raceSessionId(r), FIXTURE.httpSessions + 1 + r, FIXTURE.raceSeats),
      ),
    ],
  });
  await db.$executeRawUnsafe(`CREATE SEQUENCE IF NOT EXISTS ${PGBENCH_SEQUENCE} MINVALUE 0 START 0`);
}

/** Migrates, seeds the demo, and writes the bench's data at `scale` (1 or 10). */
export async function buildData(opts: { url: string; scale: number; rounds: number }): Promise<BuiltData> {
  await prepareDatabase(opts.url);
  return withDb(opts.url, async (db) => {
    const demo = await db.edition.findFirstOrThrow({ where: { isDemo: true }, select: { id: true } });
    if (opts.scale > 1) await multiplyProgramme(db, demo.id, opts.scale - 1);
    const day = 86_400_000;
    await db.edition.update({
      where: { id: demo.id },
      data: { bookingOpensAt: new Date(Date.now() - day), bookingClosesAt: new Date(Date.now() + 30 * day) },
    });
    await createBenchEdition(db, opts.rounds);
    const person = await db.user.findUniqueOrThrow({
      where: { email: "participant@forum-spo.local" },
      select: { id: true, sessionVersion: true },
    });
    const organiser = await db.user.findUniqueOrThrow({
      where: { email: "organiser@forum-spo.local" },
      select: { id: true, sessionVersion: true },
    });
    const page = await db.programmeSession.findFirstOrThrow({
      where: {
        editionId: demo.id,
        bookingRequired: true,
        isClosed: false,
        startsAt: { gte: new Date("2025-08-26T21:00:00Z"), lt: new Date("2025-08-27T21:00:00Z") },
        NOT: { id: { startsWith: "bx-" } },
      },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    const programmeSessions = await db.programmeSession.count({ where: { editionId: demo.id } });
    return { signedIn: person, organiser, sessionPageId: page.id, programmeSessions };
  });
}
