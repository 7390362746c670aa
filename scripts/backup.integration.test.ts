/**
 * The restore drill of the README, run for real: back up, change the data, restore, and find the
 * data as it was at the backup — on PostgreSQL (pg_dump/pg_restore) and on an embedded PGlite
 * directory (dumpDataDir under the lock).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "~/server/test/db";

const script = path.join(process.cwd(), "scripts", "backup.mjs");
const tmp = mkdtempSync(path.join(os.tmpdir(), "spo-backup-"));

function run(args: string[], databaseUrl: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 240_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// PostgreSQL when the suite has one (CI always does); the embedded drill below runs everywhere.
const pgDescribe = process.env.TEST_DATABASE_URL ? describe : () => undefined;

pgDescribe("backup and restore on PostgreSQL", () => {
  let testDb: TestDb;
  afterAll(async () => testDb?.close());

  it("restores the data as it was at the backup", async () => {
    testDb = await createTestDb();
    const client = new pg.Client({ connectionString: testDb.url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE drill (id int PRIMARY KEY, note text)`);
      await client.query(`INSERT INTO drill VALUES (1, 'до резервной копии')`);
      const file = path.join(tmp, "pg.dump");
      const b = await run(["backup", file], testDb.url!);
      expect(b.out).toContain("Done");
      expect(b.code).toBe(0);

      await client.query(`DELETE FROM drill`);
      await client.query(`INSERT INTO drill VALUES (2, 'после')`);
      const r = await run(["restore", file], testDb.url!);
      expect(r.code, r.out).toBe(0);
      const rows = await client.query(`SELECT id, note FROM drill ORDER BY id`);
      expect(rows.rows).toEqual([{ id: 1, note: "до резервной копии" }]);
      // The application's tables came back too.
      const regions = await client.query(`SELECT to_regclass('"Region"') AS t`);
      expect(regions.rows[0].t).not.toBeNull();
    } finally {
      await client.end();
    }
  });
});

describe("backup and restore of the embedded database", () => {
  it("restores a PGlite directory, and will not overwrite one without --force", async () => {
    const dir = path.join(tmp, "pglite");
    const url = `file:${dir}`;
    const db = await PGlite.create(dir);
    await db.exec(`CREATE TABLE drill (id int PRIMARY KEY, note text); INSERT INTO drill VALUES (1, 'до');`);
    await db.close();

    const file = path.join(tmp, "pglite.tar.gz");
    const b = await run(["backup", file], url);
    expect(b.code, b.out).toBe(0);

    const again = await PGlite.create(dir);
    await again.exec(`DELETE FROM drill; INSERT INTO drill VALUES (2, 'после');`);
    await again.close();

    const refused = await run(["restore", file], url);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain("--force");

    const r = await run(["restore", file, "--force"], url);
    expect(r.code, r.out).toBe(0);
    const restored = await PGlite.create(dir);
    const rows = await restored.query<{ id: number; note: string }>(`SELECT id, note FROM drill ORDER BY id`);
    await restored.close();
    expect(rows.rows).toEqual([{ id: 1, note: "до" }]);
  });
});
