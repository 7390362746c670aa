// Embedded PGlite databases for the wasm schema engine, through pglite-prisma-adapter.
// A data directory is opened only under its inter-process lock (bug 5: PGlite opens a
// directory in one process at a time, and the CLI starts engines back to back), and the lock
// is held until the database is closed. executeScript is replaced (bug 4, see script-errors.mjs).

import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
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
    db = new PGlite(dataDir ?? "memory://");
    await db.waitReady;
    const adapter = await new PrismaPGlite(db).connect();
    const client = db;
    instrumentScripts(adapter, {
      run: async (script) => {
        await client.exec(script);
      },
      onScriptError: options.onScriptError,
    });
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
