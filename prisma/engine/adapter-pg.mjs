// PostgreSQL server connections for the wasm schema engine, through @prisma/adapter-pg,
// with the workarounds its use as a *migration* adapter needs:
//  - bug 1: adapter-pg rejects pg_catalog columns of type "char" (OID 18) that the schema
//    describer reads; they are returned as ColumnType Character (plain text is not enough:
//    the describer panics on the constraint query as soon as a CHECK constraint exists).
//  - bug 2: PrismaPg.connectToShadowDb() drops its temporary database before closing its pool
//    and leaks the admin pool; we create and drop the shadow database ourselves, with
//    DROP DATABASE … WITH (FORCE), naming it in the URL (pg lets a connectionString override
//    a `database` field).
//  - bug 7: the engine takes pg_advisory_lock(72707369) on every applyMigrations and never
//    unlocks it, so all its calls must share one session: the pool has exactly one connection.

import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { databaseName, postgresSchema, withDatabase } from "./database-url.mjs";
import { instrumentScripts } from "./script-errors.mjs";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * @typedef {import("./script-errors.mjs").OpenedDatabase} OpenedDatabase
 * @typedef {import("./script-errors.mjs").ScriptErrorSink} ScriptErrorSink
 */

/**
 * Opens a single-connection adapter on a PostgreSQL database.
 * @param {string} url
 * @param {{ onScriptError?: ScriptErrorSink }} [options]
 * @returns {Promise<OpenedDatabase>}
 */
export async function openPostgres(url, options = {}) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("error", () => {}); // An idle client dying must not crash the engine.
  const adapter = await new PrismaPg(pool, { schema: postgresSchema(url) }).connect();
  patchCharColumns(adapter);
  instrumentScripts(adapter, {
    run: async (script) => {
      await pool.query(script);
    },
    onScriptError: options.onScriptError,
  });
  return {
    adapter,
    close: async () => {
      await pool.end();
    },
  };
}

/**
 * Creates a temporary database on the server of `url` and opens it; closing drops it.
 * @param {string} url URL of any database on the server (the main database).
 * @returns {Promise<OpenedDatabase>}
 */
export async function openTemporaryPostgres(url) {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
  let opened;
  try {
    opened = await openPostgres(withDatabase(url, name));
  } catch (error) {
    await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => {});
    throw error;
  }
  const { adapter, close } = opened;
  return {
    adapter,
    close: async () => {
      await close().catch(() => {});
      await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

/**
 * Creates the database named in `url`, connecting to the server's `postgres` database
 * (or `template1` when that one is missing).
 * @param {string} url
 * @returns {Promise<string>} the database name.
 */
export async function createPostgresDatabase(url) {
  const name = databaseName(url);
  await serverAdminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
  return name;
}

/**
 * Drops the database named in `url`.
 * @param {string} url
 * @returns {Promise<string>} the database name.
 */
export async function dropPostgresDatabase(url) {
  const name = databaseName(url);
  await serverAdminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  return name;
}

/**
 * Opens and closes a connection to check that the database is reachable.
 * @param {string} url
 */
export async function checkPostgresConnection(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * @param {string} url
 * @param {string} sql
 */
async function serverAdminQuery(url, sql) {
  try {
    await adminQuery(withDatabase(url, "postgres"), sql);
  } catch (error) {
    if (/** @type {{ code?: string }} */ (error).code !== "3D000") throw error;
    await adminQuery(withDatabase(url, "template1"), sql);
  }
}

/**
 * Runs one statement on a short-lived connection.
 * @param {string} url
 * @param {string} sql
 */
async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** @param {string} name */
export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Rows arrays of results that had "char" columns, and those columns' indexes. */
const charColumnsOfRows = new WeakMap();

/**
 * Makes the adapter (and its transactions) report "char" columns as ColumnType Character,
 * which the schema describer reads with get_char (bug 1). adapter-pg throws on OID 18 before
 * returning anything, so performIO hands it OID 25 (text) and notes the columns; queryRaw then
 * corrects their type. Its result keeps the rows array of performIO, which links the two.
 * @param {any} queryable a PrismaPg adapter or transaction (both route queries through performIO).
 */
function patchCharColumns(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (/** @type {unknown} */ query) => {
    const result = await performIO(query);
    /** @type {number[]} */
    const charColumns = [];
    (result?.fields ?? []).forEach((/** @type {{ dataTypeID: number }} */ field, /** @type {number} */ index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length > 0 && Array.isArray(result.rows)) charColumnsOfRows.set(result.rows, charColumns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (/** @type {unknown} */ query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOfRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (/** @type {unknown[]} */ ...args) => {
      const transaction = await startTransaction(...args);
      patchCharColumns(transaction);
      return transaction;
    };
  }
}
