/**
 * Races on the registration counter (issue 9 §6): cancelling and deleting at once, several times
 * over, take the edition's counter down exactly once per registration that actually ended.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createParticipant, createSession } from "~/server/test/factories";

let testDb: TestDb;
let db: Db;

beforeAll(async () => {
  testDb = await createTestDb();
  db = testDb.db;
});

afterAll(async () => {
  await testDb?.close();
});

const as = (user: SessionUser) => createCaller(createContextInner({ db, user, ip: "10.9.0.1" }));

async function editionCountingTen() {
  const edition = await createEdition(db);
  await db.edition.update({ where: { id: edition.id }, data: { registrationCount: 10, registrationCap: 10 } });
  return edition.id;
}

const counter = async (editionId: string) =>
  (await db.edition.findUniqueOrThrow({ where: { id: editionId } })).registrationCount;

describe("the registration counter under concurrent cancels", () => {
  it("three concurrent cancelRegistration calls take the counter from 10 to 9, not 7", async () => {
    const editionId = await editionCountingTen();
    const person = await createParticipant(db, editionId);
    const results = await Promise.allSettled([1, 2, 3].map(() => as(person).account.cancelRegistration()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await counter(editionId)).toBe(9);
  });

  it("cancel and delete racing each other (three times over) take the counter down once", async () => {
    const editionId = await editionCountingTen();
    const person = await createParticipant(db, editionId);
    await Promise.allSettled([
      as(person).account.cancelRegistration(),
      as(person).account.deleteAccount({ confirmEmail: person.email }),
      as(person).account.deleteAccount({ confirmEmail: person.email }),
    ]);
    expect(await counter(editionId)).toBe(9);
    const registration = await db.registration.findFirstOrThrow({ where: { userId: person.id } });
    expect(registration.status).toBe("CANCELLED");
  });

  it("the counter always equals the number of active registrations after a burst of cancels", async () => {
    const editionId = (await createEdition(db)).id;
    const people = await Promise.all([1, 2, 3, 4].map(() => createParticipant(db, editionId)));
    await db.edition.update({ where: { id: editionId }, data: { registrationCount: people.length } });
    const session = await createSession(db, { editionId, capacity: 2, day: "2025-08-26" });
    await as(people[0]!).booking.book({ sessionId: session.id });
    await as(people[1]!).booking.book({ sessionId: session.id });
    await Promise.allSettled(
      [people[0]!, people[0]!, people[1]!, people[1]!].map((p) => as(p).account.cancelRegistration()),
    );
    const active = await db.registration.count({ where: { editionId, status: { not: "CANCELLED" } } });
    expect(active).toBe(2);
    expect(await counter(editionId)).toBe(active);
    const row = await db.programmeSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.bookedCount).toBe(await db.booking.count({ where: { sessionId: session.id } }));
  });
});
