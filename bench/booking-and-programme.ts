/**
 * Benchmark: the public programme queries and the booking race, on the database the
 * integration tests use (TEST_DATABASE_URL = PostgreSQL, otherwise in-memory PGlite).
 * Prints figures; asserts nothing. Run: `npm run bench` (or with TEST_DATABASE_URL set).
 *
 * 1. programme.list for one day and a search, on the demo programme: latency p50/p95.
 * 2. N participants book a 20-seat session at once: wall time, confirmed and waitlisted.
 */
import { performance } from "node:perf_hooks";
import { seedDemo } from "~/prisma/seed/seed";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { createTestDb } from "~/server/test/db";
import { createParticipant, createSession } from "~/server/test/factories";

const RUNS = 200;
const RACERS = Number(process.argv[2] ?? 200);

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const testDb = await createTestDb();
const { db } = testDb;
try {
  console.log(`database: ${testDb.kind}`);
  let t = performance.now();
  await seedDemo(db);
  const sessions = await db.programmeSession.count();
  console.log(`seed (89 regions, ${sessions} sessions, demo accounts): ${(performance.now() - t).toFixed(0)} ms`);

  const guest = createCaller(createContextInner({ db }));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await guest.programme.list({ day: "2025-08-27" });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`programme.list(day) x${RUNS}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);

  const searchTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await guest.programme.list({ q: "кадры колледж" });
    searchTimes.push(performance.now() - start);
  }
  searchTimes.sort((a, b) => a - b);
  console.log(
    `programme.list(search) x${RUNS}: p50 ${pct(searchTimes, 50).toFixed(1)} ms, p95 ${pct(searchTimes, 95).toFixed(1)} ms`,
  );

  const edition = await db.edition.findFirstOrThrow({ select: { id: true } });
  const session = await createSession(db, {
    editionId: edition.id,
    title: "Бенчмарк",
    capacity: 20,
    day: "2025-08-28",
  });
  const people = [];
  for (let i = 0; i < RACERS; i++) people.push(await createParticipant(db, edition.id));
  t = performance.now();
  const results = await Promise.all(
    people.map((p) =>
      createCaller(createContextInner({ db, user: { id: p.id, email: p.email, role: p.role }, ip: null })).booking.book(
        {
          sessionId: session.id,
          waitlistIfFull: true,
        },
      ),
    ),
  );
  const elapsed = performance.now() - t;
  const booked = results.filter((r) => r.outcome === "BOOKED").length;
  const queued = results.filter((r) => r.outcome === "WAITLISTED").length;
  const row = await db.programmeSession.findUniqueOrThrow({ where: { id: session.id }, select: { bookedCount: true } });
  console.log(
    `booking race, ${RACERS} people for 20 seats: ${elapsed.toFixed(0)} ms (${((RACERS / elapsed) * 1000).toFixed(0)} bookings/s); ` +
      `booked ${booked}, waitlisted ${queued}, bookedCount ${row.bookedCount}`,
  );
  const mem = process.memoryUsage();
  console.log(
    `memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
} finally {
  await testDb.close();
}
