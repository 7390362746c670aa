/**
 * Moving from the embedded database to PostgreSQL with the data (README, Deployment): the demo
 * database is copied whole, table by table, and the target's sequences continue after it.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const adminUrl = process.env.TEST_DATABASE_URL;
const root = process.cwd();
const tmp = mkdtempSync(path.join(os.tmpdir(), "spo-copy-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 280_000 }, (e, o, er) =>
      resolve({ code: e ? Number(e.code ?? 1) : 0, out: o + er }),
    );
  });
}

const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

// Runs only with TEST_DATABASE_URL (vitest.config.ts leaves the file out otherwise).
const pgDescribe = adminUrl ? describe : () => undefined;

pgDescribe("copying the embedded database to PostgreSQL", () => {
  it("copies every row, keeps sequences going, and refuses a target that holds data", async () => {
    const source = `file:${path.join(tmp, "pglite")}`;
    const engine = path.join(root, "prisma", "engine", "schema-engine.mjs");
    const migrate = await run([path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
      DATABASE_URL: source,
      PRISMA_SCHEMA_ENGINE_BINARY: engine,
    });
    expect(migrate.code, migrate.out).toBe(0);
    const seed = await run([path.join("node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed/main.ts", "--demo"], {
      DATABASE_URL: source,
      SEED_DEMO: "1",
    });
    expect(seed.code, seed.out).toBe(0);

    const database = `spo_it_copy_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const target = withDatabase(adminUrl!, database);
    try {
      const copy = await run(["scripts/copy-db.mjs", "--to", target], {
        DATABASE_URL: source,
        PRISMA_SCHEMA_ENGINE_BINARY: engine,
      });
      expect(copy.code, copy.out).toBe(0);

      const from = await PGlite.create(path.join(tmp, "pglite"));
      const to = new pg.Client({ connectionString: target });
      await to.connect();
      try {
        for (const table of ["Region", "Edition", "ProgrammeSession", "Speaker", "User", "Registration"]) {
          const a = await from.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
          const b = await to.query(`SELECT count(*)::int AS n FROM "${table}"`);
          expect(b.rows[0].n, table).toBe(a.rows[0]!.n);
          expect(b.rows[0].n, table).toBeGreaterThan(0);
        }
        const maxRegion = await to.query(`SELECT max(id)::int AS m FROM "Region"`);
        const next = await to.query(`SELECT nextval(pg_get_serial_sequence('"Region"', 'id'))::int AS n`);
        expect(next.rows[0].n).toBe(maxRegion.rows[0].m + 1);
      } finally {
        await to.end();
        await from.close();
      }

      const again = await run(["scripts/copy-db.mjs", "--to", target], {
        DATABASE_URL: source,
        PRISMA_SCHEMA_ENGINE_BINARY: engine,
      });
      expect(again.code).not.toBe(0);
      expect(again.out).toContain("already holds data");
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
