import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/server/generated/prisma/client";
import type { DatabaseTarget } from "~/server/env";
import { registerPool } from "~/server/db/sql";

export type Db = PrismaClient;

export type OpenedDb = {
  db: Db;
  /** Disconnects Prisma and closes the embedded database cleanly. */
  close: () => Promise<void>;
};

/** A Prisma client over an already opened PGlite instance (tests use an in-memory one). */
export function prismaOverPglite(pglite: PGlite): Db {
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

/** The pools of this process's PostgreSQL clients, for the pool gauges of /api/metrics. */
export const postgresPools: pg.Pool[] = ((globalThis as { __spoPools?: pg.Pool[] }).__spoPools ??= []);

/** A Prisma client over PostgreSQL, on a pool of at most `poolSize` connections. */
export function prismaOverPostgres(url: string, schema?: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  postgresPools.push(pool);
  pool.once("end", () => postgresPools.splice(postgresPools.indexOf(pool), 1));
  const custom = Boolean(schema && schema !== "public");
  const options = { ...(custom ? { schema } : {}), disposeExternalPool: true };
  const db = new PrismaClient({ adapter: new PrismaPg(pool, options) });
  // The seat changes' SQL (server/db/sql.ts) names tables unqualified: the public schema only.
  if (!custom) registerPool(db, pool);
  return db;
}

/**
 * Opens the database a target names. For PGlite the caller must hold the directory lock
 * (see prisma/engine/pglite-lock.mjs): two processes on one directory lose data silently.
 */
export async function openDb(target: DatabaseTarget, options: { poolSize?: number } = {}): Promise<OpenedDb> {
  if (target.kind === "postgres") {
    const db = prismaOverPostgres(target.url, target.schema, options.poolSize);
    return { db, close: () => db.$disconnect() };
  }
  const pglite = target.dataDir ? await PGlite.create(target.dataDir) : await PGlite.create();
  const db = prismaOverPglite(pglite);
  return {
    db,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
