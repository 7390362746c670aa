import { acquirePgliteLock } from "~/prisma/engine/pglite-lock.mjs";
import { openDb, type Db, type OpenedDb } from "~/server/db/client";
import { databaseTarget, env, isBuildPhase } from "~/server/env";

type DbHolder = { opening?: Promise<OpenedDb> };

/**
 * One database per process. Route handlers and Server Components get separate bundled
 * copies of this module, so the holder lives on globalThis.
 */
const holder = ((globalThis as { __spoDb?: DbHolder }).__spoDb ??= {});

async function open(): Promise<OpenedDb> {
  if (isBuildPhase()) {
    throw new Error("The database must not be opened during `next build`: mark the page dynamic.");
  }
  const target = databaseTarget();
  if (target.kind === "postgres" || !target.dataDir) return openDb(target, { poolSize: env.DATABASE_POOL_SIZE });

  const release = await acquirePgliteLock(target.dataDir, { owner: "app server", waitMs: 15_000 });
  try {
    const opened = await openDb(target);
    return {
      db: opened.db,
      close: async () => {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Closes the process's database (and releases the PGlite lock) if it was opened. */
export async function closeDb(): Promise<void> {
  const opening = holder.opening;
  holder.opening = undefined;
  if (!opening) return;
  const opened = await opening.catch(() => null);
  await opened?.close();
}

/** The process's Prisma client, opened on first use. */
export function getDb(): Promise<Db> {
  holder.opening ??= open().catch((error: unknown) => {
    holder.opening = undefined;
    throw error;
  });
  return holder.opening.then((o) => o.db);
}

type WorkerDbHolder = { __spoWorkerDb?: Promise<OpenedDb> };

/**
 * The mail worker's database: on PostgreSQL a small pool of its own, so that a booking rush that
 * takes every connection of the main pool cannot starve the outbox (and the worker cannot slow the
 * rush). The embedded database has one connection anyway: the worker shares the process's client.
 */
export function getWorkerDb(): Promise<Db> {
  const target = databaseTarget();
  if (target.kind !== "postgres") return getDb();
  const h = globalThis as WorkerDbHolder;
  h.__spoWorkerDb ??= openDb(target, { poolSize: 2 }).catch((error: unknown) => {
    h.__spoWorkerDb = undefined;
    throw error;
  });
  return h.__spoWorkerDb.then((o) => o.db);
}

/** Closes the mail worker's own pool, if it has one. */
export async function closeWorkerDb(): Promise<void> {
  const h = globalThis as WorkerDbHolder;
  const opening = h.__spoWorkerDb;
  h.__spoWorkerDb = undefined;
  const opened = await opening?.catch(() => null);
  await opened?.close();
}
