/**
 * The seat runner (server/db/sql.ts) on the database of the run: on PostgreSQL its own driver,
 * on PGlite through Prisma. Both must give the same rows and leave nothing behind on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inSqlTransaction, readRows, rows, sql } from "~/server/db/sql";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createSession } from "~/server/test/factories";

let testDb: TestDb;
let editionId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  editionId = (await createEdition(testDb.db)).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("the seat runner", () => {
  it("reads timestamps as the UTC instants Prisma wrote, and ints, booleans and json as values", async () => {
    const startsAt = new Date("2025-08-26T21:30:00.123Z");
    const created = await createSession(testDb.db, { editionId });
    // 00:30 Moscow time on the 27th: the UTC date differs from the Moscow one.
    const session = await testDb.db.programmeSession.update({
      where: { id: created.id },
      data: { startsAt, endsAt: new Date("2025-08-26T23:00:00Z") },
    });
    const [row] = await readRows<{ startsAt: Date; bookedCount: number; closed: boolean; j: { n: number } }>(
      testDb.db,
      sql`SELECT "startsAt", "bookedCount", "isClosed" AS closed, json_build_object('n', 2) AS j
          FROM "ProgrammeSession" WHERE "id" = ${session.id} AND "startsAt" = ${startsAt}`,
    );
    expect(row?.startsAt).toEqual(startsAt);
    expect(row?.bookedCount).toBe(0);
    expect(row?.closed).toBe(false);
    expect(row?.j).toEqual({ n: 2 });
  });

  it("rolls back every statement of a transaction whose work fails, and commits one that ends", async () => {
    const session = await createSession(testDb.db, { editionId, capacity: 5 });
    const bump = sql`UPDATE "ProgrammeSession" SET "bookedCount" = "bookedCount" + 1 WHERE "id" = ${session.id}`;
    await expect(
      inSqlTransaction(testDb.db, async (tx) => {
        await tx.batch([bump, bump]);
        throw new Error("refused after the write");
      }),
    ).rejects.toThrow("refused after the write");
    const count = async () =>
      (await testDb.db.programmeSession.findUniqueOrThrow({ where: { id: session.id } })).bookedCount;
    expect(await count()).toBe(0);

    // A statement that fails (the CHECK bookedCount <= capacity) takes the others of its transaction with it.
    await expect(
      inSqlTransaction(testDb.db, (tx) =>
        tx.batch([bump, sql`UPDATE "ProgrammeSession" SET "bookedCount" = 99 WHERE "id" = ${session.id}`], {
          commit: true,
        }),
      ),
    ).rejects.toThrow();
    expect(await count()).toBe(0);

    const read = await inSqlTransaction(testDb.db, async (tx) => {
      await tx.batch([bump]);
      return rows<{ n: number }>(tx, sql`SELECT "bookedCount" AS n FROM "ProgrammeSession" WHERE "id" = ${session.id}`);
    });
    expect(read).toEqual([{ n: 1 }]);
    expect(await count()).toBe(1);
  });
});
