// The migration-aware driver adapter factories handed to the wasm schema engine, for either
// kind of database URL (see database-url.mjs).
//  - The main database stays open, in one session (bug 7), until close(). SchemaEngine.new
//    queries it at once, so a `migrate diff` that never reads it (from migrations to a schema)
//    gets the "detached" factory: for PGlite (or no datasource) its main database is a scratch
//    in-memory PGlite of the same version, so the diff neither creates the data directory nor
//    waits for its lock while the app server holds it.
//  - The shadow database is a temporary database on the same server (PostgreSQL, bug 2), an
//    in-memory PGlite (PGlite), or the configured shadowDatabaseUrl, which is emptied first
//    because the wasm engine does not reset it (bug 3).

import { openPostgres, openTemporaryPostgres, quoteIdent } from "./adapter-pg.mjs";
import { createMemoryPool, openPglite } from "./adapter-pglite.mjs";
import { parseDatabaseUrl } from "./database-url.mjs";

/**
 * @typedef {import("./database-url.mjs").DatabaseTarget} DatabaseTarget
 * @typedef {import("./script-errors.mjs").OpenedDatabase} OpenedDatabase
 * @typedef {import("./script-errors.mjs").ScriptFailure} ScriptFailure
 * @typedef {"main" | "detached"} FactoryMode
 * @typedef {{
 *   factoryFor: (mode: FactoryMode) => object,
 *   releaseScratch: () => Promise<void>,
 *   takeScriptFailure: () => ScriptFailure | null,
 *   close: () => Promise<void>,
 * }} EngineAdapters
 */

/**
 * @param {{ datasource: { url?: string, shadowDatabaseUrl?: string }, cwd: string }} options
 * @returns {EngineAdapters}
 */
export function createEngineAdapters({ datasource, cwd }) {
  const main = datasource.url ? parseDatabaseUrl(datasource.url, { cwd }) : null;
  const shadow = datasource.shadowDatabaseUrl ? parseDatabaseUrl(datasource.shadowDatabaseUrl, { cwd }) : null;
  if (main && shadow && sameDatabase(main, shadow)) {
    throw new Error(
      "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
    );
  }

  /** @type {ScriptFailure | null} */
  let lastFailure = null;
  const onScriptError = (/** @type {ScriptFailure} */ failure) => {
    lastFailure = failure;
  };
  /** @type {Set<Promise<OpenedDatabase>>} */
  const opened = new Set();
  /** @param {() => Promise<OpenedDatabase>} open */
  const track = (open) => {
    const promise = open();
    opened.add(promise);
    promise.catch(() => opened.delete(promise));
    return promise;
  };

  /** @type {Promise<OpenedDatabase> | null} */
  let mainOpened = null;
  const openMain = () => {
    if (!main) {
      return Promise.reject(new Error("No datasource URL: set datasource.url in prisma.config.ts."));
    }
    mainOpened ??= track(() => openTarget(main, onScriptError));
    return mainOpened;
  };

  const memoryPool = createMemoryPool({ onScriptError });
  /** In-memory stand-in for the main database, for requests that never read it. */
  /** @type {Promise<OpenedDatabase> | null} */
  let scratchOpened = null;
  const openScratch = () => (scratchOpened ??= track(() => memoryPool.borrow()));

  const connectToShadowDb = async () => {
    const promise = track(() => openShadow(main, shadow, { onScriptError, memoryPool }));
    const { adapter, close } = await promise;
    let disposed = false;
    return withDispose(adapter, async () => {
      if (disposed) return;
      disposed = true;
      opened.delete(promise);
      await close();
    });
  };
  /** @param {() => Promise<OpenedDatabase>} openMainDatabase */
  const makeFactory = (openMainDatabase) => ({
    provider: "postgres",
    adapterName: adapterNameFor(main),
    connect: async () => lazyAdapter(main, openMainDatabase),
    connectToShadowDb,
  });
  const mainFactory = makeFactory(openMain);
  const detachedFactory = main?.kind === "postgres" ? mainFactory : makeFactory(openScratch);

  return {
    factoryFor: (mode) => (mode === "detached" ? detachedFactory : mainFactory),
    // The engine reads its main database only in SchemaEngine.new (checked for `diff`): once
    // it is created, the scratch database can serve as the shadow database (saves an initdb).
    releaseScratch: async () => {
      if (scratchOpened) await (await scratchOpened).close();
    },
    takeScriptFailure: () => {
      const failure = lastFailure;
      lastFailure = null;
      return failure;
    },
    close: async () => {
      const pending = [...opened];
      opened.clear();
      await Promise.allSettled(pending.map(async (promise) => (await promise).close()));
      await memoryPool.close();
    },
  };
}

/**
 * @param {DatabaseTarget} target
 * @param {import("./script-errors.mjs").ScriptErrorSink} onScriptError
 * @returns {Promise<OpenedDatabase>}
 */
function openTarget(target, onScriptError) {
  return target.kind === "postgres"
    ? openPostgres(target.url, { onScriptError })
    : openPglite(target.dataDir, { onScriptError });
}

/**
 * @param {DatabaseTarget | null} main
 * @param {DatabaseTarget | null} shadow
 * @param {{ onScriptError: import("./script-errors.mjs").ScriptErrorSink, memoryPool: ReturnType<typeof createMemoryPool> }} options
 * @returns {Promise<OpenedDatabase>}
 */
async function openShadow(main, shadow, { onScriptError, memoryPool }) {
  if (shadow) {
    const opened = await openTarget(shadow, onScriptError);
    try {
      const schema = quoteIdent(shadow.schema);
      await opened.adapter.executeScript(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
    } catch (error) {
      await opened.close().catch(() => {});
      throw error;
    }
    return opened;
  }
  if (main?.kind === "postgres") return openTemporaryPostgres(main.url);
  return memoryPool.borrow();
}

/**
 * An adapter that opens the database on first use and ignores dispose (the engine keeps using
 * the same session; close() of the factory closes it).
 * @param {DatabaseTarget | null} target
 * @param {() => Promise<OpenedDatabase>} open
 */
function lazyAdapter(target, open) {
  const real = async () => (await open()).adapter;
  return {
    provider: "postgres",
    adapterName: adapterNameFor(target),
    queryRaw: async (/** @type {unknown} */ query) => (await real()).queryRaw(query),
    executeRaw: async (/** @type {unknown} */ query) => (await real()).executeRaw(query),
    executeScript: async (/** @type {string} */ script) => (await real()).executeScript(script),
    startTransaction: async (/** @type {unknown} */ isolationLevel) => (await real()).startTransaction(isolationLevel),
    getConnectionInfo: () => ({ schemaName: target?.schema ?? "public", supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

/**
 * @param {any} adapter
 * @param {() => Promise<void>} dispose
 */
function withDispose(adapter, dispose) {
  adapter.dispose = dispose;
  return adapter;
}

/** @param {DatabaseTarget | null} target */
function adapterNameFor(target) {
  return target?.kind === "pglite" ? "pglite-prisma-adapter" : "@prisma/adapter-pg";
}

/**
 * @param {DatabaseTarget} a
 * @param {DatabaseTarget} b
 */
function sameDatabase(a, b) {
  if (a.kind === "pglite" && b.kind === "pglite") return a.dataDir !== null && a.dataDir === b.dataDir;
  return a.url === b.url;
}
