#!/usr/bin/env node
/**
 * `npm run db:copy -- --to postgresql://…` moves the data of the embedded database (DATABASE_URL
 * file:<dir>, or .data/pglite) into a PostgreSQL database: the target is migrated first, must be
 * empty of forum data, and receives every row of every table in one transaction (parents before
 * children), then its sequences continue after the copied ids. The source is opened under
 * its directory lock: stop the server first. Nothing is written to the source.
 */
import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { defaultPgliteUrl, parseDatabaseUrl, redactUrl } from "../prisma/engine/database-url.mjs";
import { acquirePgliteLock } from "../prisma/engine/pglite-lock.mjs";
import { fail, log, prisma, root } from "./lib.mjs";

const args = process.argv.slice(2);
const to = args[args.indexOf("--to") + 1];
if (!args.includes("--to") || !to?.startsWith("postgres")) {
  fail("Usage: npm run db:copy -- --to postgresql://user@host:5432/db   (source: DATABASE_URL or .data/pglite)");
}
const source = parseDatabaseUrl(process.env.DATABASE_URL || defaultPgliteUrl(root), { cwd: root });
if (source.kind !== "pglite" || !source.dataDir)
  fail("The source must be an embedded database (DATABASE_URL=file:<dir>).");
if (!existsSync(source.dataDir)) fail(`No embedded database at ${source.dataDir}.`);

const BATCH = 500;
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

log(`Migrating the target ${redactUrl(to)}…`);
await prisma(["migrate", "deploy"], { DATABASE_URL: to });

const release = await acquirePgliteLock(source.dataDir, { owner: "db:copy", waitMs: 2_000 }).catch((e) =>
  fail(`${e instanceof Error ? e.message : String(e)} Stop the server first.`),
);
const from = await PGlite.create(source.dataDir);
const target = new pg.Client({ connectionString: to });
await target.connect();
try {
  const tables = (
    await from.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    )
  ).rows.map((r) => /** @type {{ table_name: string }} */ (r).table_name);

  for (const table of tables) {
    const { rows } = await target.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
    if (rows[0].any) fail(`The target already holds data (table ${table}): copy only into a fresh database.`);
  }

  // Parents before children: order the tables by their foreign keys.
  const edges = (
    await target.query(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
       WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`,
    )
  ).rows.map((r) => ({ child: r.child.replace(/"/g, ""), parent: r.parent.replace(/"/g, "") }));
  const ordered = [];
  const placed = new Set();
  while (ordered.length < tables.length) {
    const next = tables.filter(
      (t) => !placed.has(t) && edges.every((e) => e.child !== t || placed.has(e.parent) || !tables.includes(e.parent)),
    );
    if (next.length === 0) fail("The schema's foreign keys form a cycle: copy it with pg_dump instead.");
    for (const t of next) {
      placed.add(t);
      ordered.push(t);
    }
  }

  await target.query("BEGIN");
  let total = 0;
  for (const table of ordered) {
    const columns = (
      await from.query(
        `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )
    ).rows.map((r) => /** @type {{ column_name: string, data_type: string }} */ (r));
    const names = columns.map((c) => quote(c.column_name)).join(", ");
    for (let offset = 0; ; offset += BATCH) {
      const { rows } = await from.query(
        `SELECT ${names} FROM ${quote(table)} ORDER BY 1 LIMIT ${BATCH} OFFSET ${offset}`,
      );
      if (rows.length === 0) break;
      const values = [];
      const tuples = rows.map((row) => {
        const slots = columns.map((c) => {
          const v = /** @type {Record<string, unknown>} */ (row)[c.column_name];
          values.push(c.data_type === "jsonb" || c.data_type === "json" ? (v === null ? null : JSON.stringify(v)) : v);
          return `$${values.length}`;
        });
        return `(${slots.join(", ")})`;
      });
      await target.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${tuples.join(", ")}`, values);
      total += rows.length;
    }
  }

  // Sequences (SERIAL columns) continue after the copied values.
  const serials = await target.query(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
     FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval%'`,
  );
  for (const s of serials.rows) {
    await target.query(
      `SELECT setval($1, COALESCE((SELECT max(${quote(s.column_name)}) FROM ${quote(s.table_name)}), 0) + 1, false)`,
      [s.seq],
    );
  }
  await target.query("COMMIT");
  log(`Copied ${total} rows of ${tables.length} tables into ${redactUrl(to)}. Point DATABASE_URL there and start.`);
} catch (error) {
  await target.query("ROLLBACK").catch(() => {});
  fail(`Copy failed, the target is unchanged: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await target.end();
  await from.close();
  release();
}
