import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "~/server/generated/prisma/client";
import type { DatabaseTarget } from "~/server/env";

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

/** A Prisma client over PostgreSQL. */
export function prismaOverPostgres(url: string, schema?: string): Db {
  const options = schema && schema !== "public" ? { schema } : undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }, options) });
}

/**
 * Opens the database a target names. For PGlite the caller must hold the directory lock
 * (see prisma/engine/pglite-lock.mjs): two processes on one directory lose data silently.
 */
export async function openDb(target: DatabaseTarget): Promise<OpenedDb> {
  if (target.kind === "postgres") {
    const db = prismaOverPostgres(target.url, target.schema);
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
