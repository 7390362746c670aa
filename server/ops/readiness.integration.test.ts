import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaOverPostgres } from "~/server/db/client";
import { checkReadiness } from "~/server/ops/readiness";
import { createTestDb, type TestDb } from "~/server/test/db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});

afterAll(async () => {
  await testDb?.close();
});

const folders = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("readiness", () => {
  it("reports a database that was never migrated, then ready migrations once they are recorded", async () => {
    const before = await checkReadiness({ getDb: async () => testDb.db });
    expect(before.ready).toBe(false);
    expect(before.checks.database).toEqual({ ok: true });
    expect(before.checks.migrations).toMatchObject({ ok: false, reason: expect.stringContaining("db:migrate") });

    await testDb.db.$executeRawUnsafe(`CREATE TABLE _prisma_migrations (
      id text PRIMARY KEY, migration_name text NOT NULL, finished_at timestamptz, rolled_back_at timestamptz)`);
    const [first, ...rest] = folders;
    await testDb.db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, migration_name, finished_at) VALUES ('1', $1, now())`,
      first,
    );
    const partial = await checkReadiness({ getDb: async () => testDb.db });
    expect(partial.checks.migrations.ok).toBe(rest.length === 0);
    for (const [i, name] of rest.entries()) {
      await testDb.db.$executeRawUnsafe(
        `INSERT INTO _prisma_migrations (id, migration_name, finished_at) VALUES ($1, $2, now())`,
        `m${i}`,
        name,
      );
    }
    const after = await checkReadiness({ getDb: async () => testDb.db });
    expect(after.checks.migrations).toEqual({ ok: true });
    // No mail worker runs inside the test process.
    expect(after.checks.mailWorker.ok).toBe(false);
    expect(after.ready).toBe(false);
  });

  it("says the database is unreachable without naming it", async () => {
    const broken = prismaOverPostgres("postgresql://postgres@127.0.0.1:1/secretname");
    try {
      const r = await checkReadiness({ getDb: async () => broken });
      expect(r.ready).toBe(false);
      expect(r.checks.database).toEqual({ ok: false, reason: "database unreachable" });
      expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1|secretname|:1\b/);
    } finally {
      await broken.$disconnect();
    }
  });
});
