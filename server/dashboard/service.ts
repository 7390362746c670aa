/**
 * The organisers' live dashboard: the current edition's figures, each from one aggregate query
 * (SQL GROUP BY or Prisma groupBy), so the page costs the same for 30 or 5,000 participants.
 * Registrations count while active (pending or confirmed); an admission at a door is a ticket's
 * first scan there that was not undone (as server/checkin decides it), counted once.
 */
import type { Db } from "~/server/db/client";
import { findCurrentEditionOrNull } from "~/server/edition/current";
import { FEDERAL_DISTRICTS } from "~/server/meeting/rules";
import { feedbackReport } from "~/server/feedback/report";
import type { FederalDistrict, ParticipantCategory } from "~/server/generated/prisma/client";
import { zonedDayKey, zonedDayRange } from "~/server/programme/time";

/** How many sessions the "top" lists and the per-session charts show. */
export const TOP = 10;

export type SessionFigures = {
  id: string;
  title: string;
  startsAt: Date;
  track: string | null;
  bookingRequired: boolean;
  capacity: number | null;
  booked: number;
  waitlist: number;
  /** booked / capacity (0–1) for sessions that take bookings and have a seat limit; otherwise null. */
  fill: number | null;
  /** People admitted at the session's door (once each). */
  admitted: number;
};

export type DoorToday = {
  door: string;
  kind: "entrance" | "session";
  /** The forum day of an entrance ("YYYY-MM-DD"), or the session's title. */
  label: string;
  admitted: number;
};

export async function dashboard({ db, now = new Date() }: { db: Db; now?: Date }) {
  const edition = await findCurrentEditionOrNull(db, { id: true, name: true, timeZone: true });
  if (!edition) return null;
  const editionId = edition.id;
  const tz = edition.timeZone;
  const today = zonedDayKey(now, tz);
  const { from, to } = zonedDayRange(today, tz);

  const [statuses, perDay, byRegion, byCategory, sessions, waitlists, admissions, doorsToday, hoursToday, feedback] =
    await Promise.all([
      db.registration.groupBy({ by: ["status"], where: { editionId }, _count: { _all: true } }),
      db.$queryRaw<{ day: string; n: number }[]>`
        SELECT to_char("createdAt" AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS "day", count(*)::int AS "n"
        FROM "Registration" WHERE "editionId" = ${editionId} AND "status" <> 'CANCELLED'
        GROUP BY 1 ORDER BY 1`,
      db.registration.groupBy({
        by: ["regionId"],
        where: { editionId, status: { not: "CANCELLED" } },
        _count: { _all: true },
      }),
      db.registration.groupBy({
        by: ["category"],
        where: { editionId, status: { not: "CANCELLED" } },
        _count: { _all: true },
      }),
      db.programmeSession.findMany({
        where: { editionId, status: "PUBLISHED", isClosed: false },
        select: {
          id: true,
          title: true,
          startsAt: true,
          capacity: true,
          bookedCount: true,
          bookingRequired: true,
          track: { select: { title: true } },
        },
        orderBy: [{ startsAt: "asc" }, { title: "asc" }],
      }),
      db.waitlistEntry.groupBy({
        by: ["sessionId"],
        where: { session: { editionId } },
        _count: { _all: true },
      }),
      db.$queryRaw<{ sessionId: string; n: number }[]>`
        SELECT c."sessionId", count(DISTINCT c."ticketId")::int AS "n"
        FROM "CheckIn" c JOIN "ProgrammeSession" s ON s."id" = c."sessionId"
        WHERE s."editionId" = ${editionId} AND c."undoneAt" IS NULL
        GROUP BY c."sessionId"`,
      // Admissions whose first scan fell today (the edition's day), per door.
      db.$queryRaw<{ door: string; day: string | null; title: string | null; n: number }[]>`
        WITH admission AS (
          SELECT DISTINCT ON (c."ticketId", c."door") c."door", c."day", c."sessionId", c."scannedAt"
          FROM "CheckIn" c
          JOIN "Ticket" t ON t."id" = c."ticketId"
          JOIN "Registration" r ON r."id" = t."registrationId"
          WHERE r."editionId" = ${editionId} AND c."undoneAt" IS NULL
          ORDER BY c."ticketId", c."door", c."scannedAt", c."seq"
        )
        SELECT a."door", a."day", s."title", count(*)::int AS "n"
        FROM admission a LEFT JOIN "ProgrammeSession" s ON s."id" = a."sessionId"
        WHERE a."scannedAt" >= ${from} AND a."scannedAt" < ${to}
        GROUP BY a."door", a."day", s."title"
        ORDER BY a."day" NULLS LAST, s."title"`,
      db.$queryRaw<{ hour: number; entrance: number; sessions: number }[]>`
        WITH admission AS (
          SELECT DISTINCT ON (c."ticketId", c."door") c."sessionId", c."scannedAt"
          FROM "CheckIn" c
          JOIN "Ticket" t ON t."id" = c."ticketId"
          JOIN "Registration" r ON r."id" = t."registrationId"
          WHERE r."editionId" = ${editionId} AND c."undoneAt" IS NULL
          ORDER BY c."ticketId", c."door", c."scannedAt", c."seq"
        )
        SELECT extract(hour FROM a."scannedAt" AT TIME ZONE ${tz})::int AS "hour",
               count(*) FILTER (WHERE a."sessionId" IS NULL)::int AS "entrance",
               count(*) FILTER (WHERE a."sessionId" IS NOT NULL)::int AS "sessions"
        FROM admission a
        WHERE a."scannedAt" >= ${from} AND a."scannedAt" < ${to}
        GROUP BY 1 ORDER BY 1`,
      feedbackReport({ db, commentsPerSession: 0 }),
    ]);

  const count = (status: string) => statuses.find((s) => s.status === status)?._count._all ?? 0;
  const regionIds = byRegion.flatMap((r) => (r.regionId === null ? [] : [r.regionId]));
  const regions = await db.region.findMany({
    where: { id: { in: regionIds } },
    select: { id: true, name: true, federalDistrict: true, sortOrder: true },
  });
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const regionRows = byRegion
    .map((r) => {
      const region = r.regionId === null ? undefined : regionById.get(r.regionId);
      return {
        id: region?.id ?? null,
        name: region?.name ?? null,
        district: region?.federalDistrict ?? null,
        n: r._count._all,
      };
    })
    .sort((a, b) => b.n - a.n || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff", "ru"));
  const districts = FEDERAL_DISTRICTS.map((district) => ({
    district,
    n: regionRows.filter((r) => r.district === district).reduce((sum, r) => sum + r.n, 0),
  }));
  const noRegion = regionRows.filter((r) => r.district === null).reduce((sum, r) => sum + r.n, 0);

  const waitlistBy = new Map(waitlists.map((w) => [w.sessionId, w._count._all]));
  const admittedBy = new Map(admissions.map((a) => [a.sessionId, a.n]));
  const sessionRows: SessionFigures[] = sessions.map((s) => ({
    id: s.id,
    title: s.title,
    startsAt: s.startsAt,
    track: s.track?.title ?? null,
    bookingRequired: s.bookingRequired,
    capacity: s.capacity,
    booked: s.bookedCount,
    waitlist: waitlistBy.get(s.id) ?? 0,
    fill: s.bookingRequired && s.capacity ? s.bookedCount / s.capacity : null,
    admitted: admittedBy.get(s.id) ?? 0,
  }));
  const top = (key: "booked" | "admitted") =>
    sessionRows
      .filter((s) => s[key] > 0)
      .sort((a, b) => b[key] - a[key] || a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, TOP);

  const doors: DoorToday[] = doorsToday.map((d) => ({
    door: d.door,
    kind: d.door.startsWith("entrance:") ? "entrance" : "session",
    label: d.title ?? d.day ?? d.door,
    admitted: d.n,
  }));

  return {
    edition: { name: edition.name, timeZone: tz },
    generatedAt: now,
    registrations: {
      active: count("PENDING") + count("CONFIRMED"),
      confirmed: count("CONFIRMED"),
      pending: count("PENDING"),
      cancelled: count("CANCELLED"),
      perDay,
      byDistrict: districts,
      noRegion,
      byRegion: regionRows.filter((r) => r.id !== null) as {
        id: number;
        name: string;
        district: FederalDistrict;
        n: number;
      }[],
      byCategory: byCategory
        .map((c) => ({ category: c.category as ParticipantCategory, n: c._count._all }))
        .sort((a, b) => b.n - a.n || a.category.localeCompare(b.category)),
    },
    sessions: sessionRows,
    checkinsToday: {
      day: today,
      entrance: doors.filter((d) => d.kind === "entrance").reduce((sum, d) => sum + d.admitted, 0),
      sessions: doors.filter((d) => d.kind === "session").reduce((sum, d) => sum + d.admitted, 0),
      doors,
      byHour: hoursToday,
    },
    top: { byBookings: top("booked"), byAdmissions: top("admitted") },
    feedback: { sessions: feedback.sessions, tracks: feedback.tracks },
  };
}

export type Dashboard = NonNullable<Awaited<ReturnType<typeof dashboard>>>;
