/**
 * Feedback results for organisers, per session and per track of the current edition: the number
 * of ratings, the average, how many of each mark (1–5), and the comments without names. A track's
 * average is taken over its ratings, not over its sessions' averages. Aggregated in SQL.
 */
import type { Db } from "~/server/db/client";
import { Prisma } from "~/server/generated/prisma/client";
import { findCurrentEditionOrNull } from "~/server/edition/current";

/** How many ratings of 1, 2, 3, 4 and 5. */
export type Distribution = [number, number, number, number, number];

export type FeedbackSessionRow = {
  id: string;
  title: string;
  startsAt: Date;
  trackId: string | null;
  trackTitle: string | null;
  n: number;
  average: number;
  distribution: Distribution;
};

export type FeedbackTrackRow = {
  /** null: sessions outside any track. */
  id: string | null;
  title: string | null;
  sessions: number;
  n: number;
  average: number;
  distribution: Distribution;
};

export type FeedbackComment = { sessionId: string; rating: number; comment: string; createdAt: Date };

export type FeedbackReport = {
  timeZone: string;
  sessions: FeedbackSessionRow[];
  tracks: FeedbackTrackRow[];
  comments: FeedbackComment[];
};

type Counted = { n: number; average: number; r1: number; r2: number; r3: number; r4: number; r5: number };

const DISTRIBUTION_SQL = Prisma.raw(`count(*)::int AS n, round(avg(f."rating")::numeric, 2)::float8 AS average,
  count(*) FILTER (WHERE f."rating" = 1)::int AS r1, count(*) FILTER (WHERE f."rating" = 2)::int AS r2,
  count(*) FILTER (WHERE f."rating" = 3)::int AS r3, count(*) FILTER (WHERE f."rating" = 4)::int AS r4,
  count(*) FILTER (WHERE f."rating" = 5)::int AS r5`);

const distribution = (r: Counted): Distribution => [r.r1, r.r2, r.r3, r.r4, r.r5];

/**
 * The report; `commentsPerSession` keeps the page light (the newest first), the export takes all.
 */
export async function feedbackReport({
  db,
  commentsPerSession,
}: {
  db: Db;
  commentsPerSession?: number;
}): Promise<FeedbackReport> {
  const edition = await findCurrentEditionOrNull(db, { id: true, timeZone: true });
  if (!edition) return { timeZone: "Europe/Moscow", sessions: [], tracks: [], comments: [] };
  const limit = commentsPerSession ?? null;
  const [sessions, tracks, comments] = await Promise.all([
    db.$queryRaw<
      (Counted & Omit<FeedbackSessionRow, "distribution" | "n" | "average">)[]
    >`SELECT s."id", s."title", s."startsAt", s."trackId", t."title" AS "trackTitle", ${DISTRIBUTION_SQL}
       FROM "SessionFeedback" f
       JOIN "ProgrammeSession" s ON s."id" = f."sessionId"
       LEFT JOIN "Track" t ON t."id" = s."trackId"
       WHERE s."editionId" = ${edition.id}
       GROUP BY s."id", t."title"
       ORDER BY s."startsAt", s."title", s."id"`,
    db.$queryRaw<
      (Counted & { id: string | null; title: string | null; sessions: number })[]
    >`SELECT s."trackId" AS "id", t."title", count(DISTINCT s."id")::int AS "sessions", ${DISTRIBUTION_SQL}
       FROM "SessionFeedback" f
       JOIN "ProgrammeSession" s ON s."id" = f."sessionId"
       LEFT JOIN "Track" t ON t."id" = s."trackId"
       WHERE s."editionId" = ${edition.id}
       GROUP BY s."trackId", t."title", t."order"
       ORDER BY t."order" NULLS LAST, t."title"`,
    db.$queryRaw<FeedbackComment[]>`SELECT "sessionId", "rating", "comment", "createdAt" FROM (
         SELECT f."sessionId", f."rating", f."comment", f."createdAt",
                row_number() OVER (PARTITION BY f."sessionId" ORDER BY f."createdAt" DESC, f."id") AS k
         FROM "SessionFeedback" f JOIN "ProgrammeSession" s ON s."id" = f."sessionId"
         WHERE s."editionId" = ${edition.id} AND f."comment" <> ''
       ) c WHERE ${limit}::int IS NULL OR c.k <= ${limit}::int
       ORDER BY "sessionId", "createdAt" DESC`,
  ]);
  return {
    timeZone: edition.timeZone,
    sessions: sessions.map(({ r1, r2, r3, r4, r5, ...s }) => ({
      ...s,
      distribution: distribution({ ...s, r1, r2, r3, r4, r5 }),
    })),
    tracks: tracks.map(({ r1, r2, r3, r4, r5, ...t }) => ({
      ...t,
      distribution: distribution({ ...t, r1, r2, r3, r4, r5 }),
    })),
    comments,
  };
}
