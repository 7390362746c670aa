/**
 * A fresh, migrated database for one integration test file: a new PostgreSQL database
 * on TEST_DATABASE_URL's server when it is set, otherwise an in-memory PGlite.
 * Migrations are applied from prisma/migrations/*\/migration.sql, the same files
 * `prisma migrate deploy` applies.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { prismaOverPglite, prismaOverPostgres, type Db } from "~/server/db/client";
import { env } from "~/server/env";

export type TestDb = { db: Db; kind: "postgres" | "pglite"; url?: string; close: () => Promise<void> };

const migrationsDir = path.join(process.cwd(), "prisma", "migrations");

export function migrationSql(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDb(): Promise<TestDb> {
  const adminUrl = env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const pglite = await PGlite.create();
    for (const sql of migrationSql()) await pglite.exec(sql);
    const db = prismaOverPglite(pglite);
    return {
      db,
      kind: "pglite",
      close: async () => {
        await db.$disconnect();
        await pglite.close();
      },
    };
  }

  const name = `spo_it_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  for (const sql of migrationSql()) await setup.query(sql);
  await setup.end();
  const db = prismaOverPostgres(url);
  return {
    db,
    kind: "postgres",
    url,
    close: async () => {
      await db.$disconnect();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
