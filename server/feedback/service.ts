/**
 * Feedback after a session: people admitted at its door rate it (1–5) and may comment, once,
 * after it ended. Organisers see the results per session (average, count, comments).
 */
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { Prisma } from "~/server/generated/prisma/client";
import { serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("checkin", "feedbackErrors");

/** Sessions the person was admitted to at the door, ended, with their rating if given. */
export async function myFeedback({ db, user, now = new Date() }: { db: Db; user: SessionUser; now?: Date }) {
  const rows = await db.$queryRaw<{ id: string; title: string; startsAt: Date; endsAt: Date }[]>`
    SELECT DISTINCT s."id", s."title", s."startsAt", s."endsAt"
    FROM "CheckIn" c
    JOIN "Ticket" t ON t."id" = c."ticketId"
    JOIN "Registration" r ON r."id" = t."registrationId"
    JOIN "ProgrammeSession" s ON s."id" = c."sessionId"
    WHERE r."userId" = ${user.id} AND c."undoneAt" IS NULL AND s."endsAt" <= ${now}
    ORDER BY s."startsAt", s."id"`;
  const given = await db.sessionFeedback.findMany({
    where: { userId: user.id, sessionId: { in: rows.map((r) => r.id) } },
    select: { sessionId: true, rating: true, comment: true },
  });
  const byId = new Map(given.map((g) => [g.sessionId, g]));
  return rows.map((s) => ({ ...s, feedback: byId.get(s.id) ?? null }));
}

export async function giveFeedback({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  input: { sessionId: string; rating: number; comment: string };
  now?: Date;
}) {
  const door = `session:${input.sessionId}`;
  const admitted = await db.checkIn.count({
    where: { door, undoneAt: null, ticket: { registration: { userId: user.id, status: "CONFIRMED" } } },
  });
  if (admitted === 0) throw new AppError("FORBIDDEN", errorsT("notAttended"));
  const session = await db.programmeSession.findUnique({ where: { id: input.sessionId }, select: { endsAt: true } });
  if (!session || session.endsAt > now) throw new AppError("BAD_REQUEST", errorsT("notEnded"));
  try {
    await db.sessionFeedback.create({
      data: { sessionId: input.sessionId, userId: user.id, rating: input.rating, comment: input.comment },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", errorsT("already"));
    }
    throw error;
  }
  return { sessionId: input.sessionId };
}

/** Results per session for organisers: count, average, the comments (no names). */
export async function feedbackResults({ db }: { db: Db }) {
  const rows = await db.$queryRaw<{ id: string; title: string; startsAt: Date; n: number; average: number }[]>`
    SELECT s."id", s."title", s."startsAt", count(f.*)::int AS n, round(avg(f."rating")::numeric, 2)::float8 AS average
    FROM "SessionFeedback" f JOIN "ProgrammeSession" s ON s."id" = f."sessionId"
    GROUP BY s."id" ORDER BY s."startsAt", s."id"`;
  const comments = await db.sessionFeedback.findMany({
    where: { sessionId: { in: rows.map((r) => r.id) }, comment: { not: "" } },
    select: { sessionId: true, rating: true, comment: true },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ ...r, comments: comments.filter((c) => c.sessionId === r.id).slice(0, 50) }));
}
