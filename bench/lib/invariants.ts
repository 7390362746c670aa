/**
 * The booking invariants, checked in SQL on the whole database after the load (the server is
 * stopped first: an embedded directory has one opener at a time).
 */
import type { Db } from "~/server/db/client";
import { raceSessionId } from "~/bench/lib/data";

const CHECKS: { name: string; sql: string }[] = [
  {
    name: "oversold sessions (bookedCount > capacity)",
    sql: `SELECT count(*)::int AS n FROM "ProgrammeSession" WHERE capacity IS NOT NULL AND "bookedCount" > capacity`,
  },
  {
    name: "sessions whose counter differs from their Booking rows",
    sql: `SELECT count(*)::int AS n FROM "ProgrammeSession" s
          WHERE s."bookedCount" <> (SELECT count(*) FROM "Booking" b WHERE b."sessionId" = s.id)`,
  },
  {
    name: "people holding two overlapping seats",
    sql: `SELECT count(DISTINCT a."userId")::int AS n FROM "Booking" a
          JOIN "Booking" b ON b."userId" = a."userId" AND b.id > a.id
          JOIN "ProgrammeSession" sa ON sa.id = a."sessionId" AND sa.status = 'PUBLISHED'
          JOIN "ProgrammeSession" sb ON sb.id = b."sessionId" AND sb.status = 'PUBLISHED'
          WHERE sa."startsAt" < sb."endsAt" AND sb."startsAt" < sa."endsAt"`,
  },
  {
    name: "waitlist entries of people also booked",
    sql: `SELECT count(*)::int AS n FROM "WaitlistEntry" w
          JOIN "Booking" b ON b."sessionId" = w."sessionId" AND b."userId" = w."userId"`,
  },
];

export type InvariantReport = { lines: string[]; violations: number };

export async function checkInvariants(db: Db, rounds: number): Promise<InvariantReport> {
  const lines: string[] = [];
  let violations = 0;
  for (const check of CHECKS) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(check.sql);
    const n = Number(row?.n ?? 0);
    violations += n;
    lines.push(`INVARIANT ${check.name}: ${n} ${n === 0 ? "ok" : "VIOLATED"}`);
  }
  const totals = await db.$queryRawUnsafe<{ bookings: number; outbox: number }[]>(
    `SELECT (SELECT count(*)::int FROM "Booking") AS bookings, (SELECT count(*)::int FROM "OutboxMessage") AS outbox`,
  );
  lines.push(`database: ${totals[0]?.bookings ?? 0} Booking rows, ${totals[0]?.outbox ?? 0} outbox messages`);
  for (let r = 0; r < rounds; r += 1) {
    const id = raceSessionId(r);
    const [row] = await db.$queryRawUnsafe<{ booked: number; counter: number; queued: number }[]>(
      `SELECT (SELECT count(*)::int FROM "Booking" WHERE "sessionId" = $1) AS booked,
              (SELECT "bookedCount" FROM "ProgrammeSession" WHERE id = $1) AS counter,
              (SELECT count(*)::int FROM "WaitlistEntry" WHERE "sessionId" = $1) AS queued`,
      id,
    );
    lines.push(
      `race ${r + 1} in the database: ${row?.booked} Booking rows, bookedCount ${row?.counter}, ${row?.queued} waitlisted`,
    );
  }
  return { lines, violations };
}
