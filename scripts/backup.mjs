#!/usr/bin/env node
/**
 * `npm run db:backup -- [file]` and `npm run db:restore -- <file>` for the database DATABASE_URL
 * names (unset: the embedded .data/pglite).
 *
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the app runs) and
 *   `pg_restore --clean --if-exists --no-owner` into the same database. Needs the PostgreSQL client
 *   tools (Debian: postgresql-client).
 * - Embedded PGlite: PGlite's own `dumpDataDir()` (a gzip tarball of the data directory) taken
 *   under the directory lock, so it is consistent; the server must be stopped (one process per
 *   directory). Restore refuses to overwrite a directory that holds data unless `--force` is given,
 *   and moves the old directory aside rather than deleting it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { defaultPgliteUrl, parseDatabaseUrl, redactUrl } from "../prisma/engine/database-url.mjs";
import { acquirePgliteLock } from "../prisma/engine/pglite-lock.mjs";
import { fail, log, root } from "./lib.mjs";

const [command, ...args] = process.argv.slice(2);
const force = args.includes("--force");
const fileArg = args.find((a) => !a.startsWith("--"));
const target = parseDatabaseUrl(process.env.DATABASE_URL || defaultPgliteUrl(root), { cwd: root });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

/** pg_dump/pg_restore take the URL without Prisma's `schema` parameter. */
function libpqUrl(url) {
  const u = new URL(url);
  u.searchParams.delete("schema");
  return u.toString();
}

function pgTool(tool, toolArgs) {
  try {
    execFileSync(tool, toolArgs, { stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code === "ENOENT") {
      fail(`${tool} is not installed: apt-get install postgresql-client (the same major version as the server).`);
    }
    fail(`${tool} failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).`);
  }
}

async function backup() {
  if (target.kind === "postgres") {
    const file = path.resolve(fileArg ?? path.join(root, ".data", "backups", `spo-${stamp}.dump`));
    mkdirSync(path.dirname(file), { recursive: true });
    log(`Backing up ${redactUrl(target.url)} to ${file}…`);
    pgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, libpqUrl(target.url)]);
    log(`Done: ${file} (${statSync(file).size} bytes).`);
    return;
  }
  if (!target.dataDir) fail("An in-memory database has nothing to back up.");
  if (!existsSync(target.dataDir)) fail(`No embedded database at ${target.dataDir}.`);
  const file = path.resolve(fileArg ?? path.join(root, ".data", "backups", `spo-${stamp}.tar.gz`));
  mkdirSync(path.dirname(file), { recursive: true });
  const release = await acquirePgliteLock(target.dataDir, { owner: "db:backup", waitMs: 2_000 }).catch((e) =>
    fail(
      `${e instanceof Error ? e.message : String(e)} Stop the server first: the embedded database is one process at a time.`,
    ),
  );
  try {
    log(`Backing up the embedded database ${target.dataDir} to ${file}…`);
    const db = await PGlite.create(target.dataDir);
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    log(`Done: ${file} (${statSync(file).size} bytes).`);
  } finally {
    release();
  }
}

async function restore() {
  if (!fileArg) fail("Usage: npm run db:restore -- <backup file> [--force]");
  const file = path.resolve(fileArg);
  if (!existsSync(file)) fail(`No such backup file: ${file}`);
  if (target.kind === "postgres") {
    log(`Restoring ${file} into ${redactUrl(target.url)} (objects are dropped and recreated)…`);
    pgTool("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      `--dbname=${libpqUrl(target.url)}`,
      file,
    ]);
    log("Restored.");
    return;
  }
  if (!target.dataDir) fail("Restore needs a data directory (DATABASE_URL=file:<dir>).");
  const dir = target.dataDir;
  const release = await acquirePgliteLock(dir, { owner: "db:restore", waitMs: 2_000 }).catch((e) =>
    fail(`${e instanceof Error ? e.message : String(e)} Stop the server first.`),
  );
  try {
    const holdsData = existsSync(dir) && readdirSync(dir).length > 0;
    if (holdsData && !force) {
      fail(`${dir} already holds a database. Add --force to replace it (the old one is kept beside it).`);
    }
    if (holdsData) {
      const aside = `${dir}.before-restore-${stamp}`;
      renameSync(dir, aside);
      log(`The old database is kept at ${aside}.`);
    }
    mkdirSync(dir, { recursive: true });
    const blob = new Blob([readFileSync(file)], { type: "application/x-gzip" });
    const db = await PGlite.create({ dataDir: dir, loadDataDir: blob });
    await db.query("SELECT 1");
    await db.close();
    log(`Restored ${file} into ${dir}.`);
  } finally {
    release();
  }
}

if (command === "backup") await backup();
else if (command === "restore") await restore();
else fail("Usage: node scripts/backup.mjs backup [file] | restore <file> [--force]");
