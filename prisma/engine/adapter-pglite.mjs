// Embedded PGlite databases for the wasm schema engine, through pglite-prisma-adapter.
// A data directory is opened only under its inter-process lock (bug 5: PGlite opens a
// directory in one process at a time, and the CLI starts engines back to back), and the lock
// is held until the database is closed. executeScript is replaced (bug 4, see script-errors.mjs).

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { log } from "./log.mjs";
import { acquirePgliteLock } from "./pglite-lock.mjs";
import { instrumentScripts } from "./script-errors.mjs";

/**
 * @typedef {import("./script-errors.mjs").OpenedDatabase} OpenedDatabase
 * @typedef {import("./script-errors.mjs").ScriptErrorSink} ScriptErrorSink
 * @typedef {{ owner?: string, waitMs?: number, onScriptError?: ScriptErrorSink }} PgliteOptions
 */

const LOCK_OWNER = "prisma schema engine";

/**
 * Opens a PGlite database (creating the directory if needed) and its adapter.
 * @param {string | null} dataDir absolute data directory, or null for an in-memory database.
 * @param {PgliteOptions} [options]
 * @returns {Promise<OpenedDatabase>}
 */
export async function openPglite(dataDir, options = {}) {
  const release = dataDir ? await lockDirectory(dataDir, options) : () => {};
  /** @type {PGlite | undefined} */
  let db;
  try {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    db = await startPglite(dataDir);
    const client = db;
    const adapter = await adapterFor(client, options.onScriptError);
    return {
      adapter,
      close: async () => {
        try {
          if (!client.closed) await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}

/** Empties a database for reuse: every user schema goes, an empty `public` comes back. */
const RESET_SQL = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP;
  CREATE SCHEMA public;
END $$;`;

/**
 * A pool of in-memory PGlite databases for shadow databases. Starting one runs initdb (about
 * two seconds) and `migrate dev` asks for a shadow database several times, so a returned
 * database is emptied and lent again instead.
 * @param {{ onScriptError?: ScriptErrorSink }} [options]
 */
export function createMemoryPool(options = {}) {
  /** @type {PGlite[]} */
  const idle = [];
  /** @type {Set<PGlite>} */
  const all = new Set();
  /** @returns {Promise<PGlite>} */
  const take = async () => {
    const reused = idle.pop();
    if (reused) {
      try {
        await reused.exec(RESET_SQL);
        return reused;
      } catch (error) {
        log("DEBUG", `Discarding an in-memory PGlite that could not be reset: ${/** @type {Error} */ (error).message}`);
        all.delete(reused);
        await reused.close().catch(() => {});
      }
    }
    const db = await startPglite(null);
    all.add(db);
    return db;
  };
  return {
    /** @returns {Promise<OpenedDatabase>} closing it gives the database back to the pool. */
    borrow: async () => {
      const db = await take();
      const adapter = await adapterFor(db, options.onScriptError);
      let returned = false;
      return {
        adapter,
        close: async () => {
          if (returned) return;
          returned = true;
          if (all.has(db)) idle.push(db);
        },
      };
    },
    /** Closes every database of the pool. */
    close: async () => {
      const dbs = [...all];
      all.clear();
      idle.length = 0;
      await Promise.allSettled(dbs.map((db) => db.close()));
    },
  };
}

/**
 * @param {string | null} dataDir
 * @returns {Promise<PGlite>}
 */
async function startPglite(dataDir) {
  const started = Date.now();
  const db = new PGlite(dataDir ?? "memory://");
  await db.waitReady;
  log("DEBUG", `Opened PGlite ${dataDir ?? "in memory"} in ${Date.now() - started} ms`);
  return db;
}

/**
 * @param {PGlite} db
 * @param {ScriptErrorSink | undefined} onScriptError
 */
async function adapterFor(db, onScriptError) {
  const adapter = await new PrismaPGlite(db).connect();
  instrumentScripts(adapter, {
    run: async (script) => {
      await db.exec(script);
    },
    onScriptError,
  });
  return adapter;
}

/**
 * Whether a PGlite data directory has been initialised.
 * @param {string} dataDir
 */
export function pgliteDatabaseExists(dataDir) {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

/**
 * Initialises a PGlite data directory.
 * @param {string} dataDir
 * @param {PgliteOptions} [options]
 */
export async function createPgliteDatabase(dataDir, options = {}) {
  const opened = await openPglite(dataDir, options);
  await opened.close();
}

/**
 * Deletes a PGlite data directory (under its lock).
 * @param {string} dataDir
 * @param {PgliteOptions} [options]
 */
export async function dropPgliteDatabase(dataDir, options = {}) {
  const release = await lockDirectory(dataDir, options);
  try {
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    release();
  }
}

/**
 * @param {string} dataDir
 * @param {PgliteOptions} options
 */
function lockDirectory(dataDir, options) {
  return acquirePgliteLock(dataDir, { owner: options.owner ?? LOCK_OWNER, waitMs: options.waitMs });
}
