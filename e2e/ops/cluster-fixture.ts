/**
 * Data for the two-instance test (e2e/ops/two-instances.spec.ts), run with tsx against the
 * database DATABASE_URL names: participants who may book, an organiser, and a small session in
 * the current (seeded) edition. Prints one JSON line.
 */
import { hashPassword } from "~/server/auth/password";
import { prismaOverPostgres } from "~/server/db/client";
import { createOrganiser, createParticipant, createSession } from "~/server/test/factories";

const url = process.env.DATABASE_URL;
const count = Number(process.argv[2] ?? 20);
if (!url?.startsWith("postgres")) throw new Error("DATABASE_URL must name a PostgreSQL database");

const db = prismaOverPostgres(url);
try {
  const edition = await db.edition.findFirstOrThrow({ orderBy: { startsAt: "desc" }, select: { id: true } });
  const password = "кластер-проверка-2025";
  const passwordHash = await hashPassword(password);
  const people = [];
  for (let i = 0; i < count; i += 1) {
    const p = await createParticipant(db, edition.id, { email: `cluster-${i}-${Date.now()}@example.test` });
    await db.user.update({ where: { id: p.id }, data: { passwordHash } });
    people.push({ email: p.email, password });
  }
  const organiser = await createOrganiser(db);
  await db.user.update({ where: { id: organiser.id }, data: { passwordHash } });
  const session = await createSession(db, {
    editionId: edition.id,
    title: `Кластерная сессия ${Date.now()}`,
    day: "2025-08-28",
    start: "16:00",
    end: "17:00",
    capacity: Math.floor(count / 2),
  });
  console.log(JSON.stringify({ people, organiser: { email: organiser.email, password }, sessionId: session.id }));
} finally {
  await db.$disconnect();
}
