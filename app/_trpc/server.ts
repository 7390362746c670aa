import "server-only";
import { TRPCError } from "@trpc/server";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import { getDb } from "~/server/db";

/**
 * The tRPC caller for Server Components, one per request. Reading data makes the page
 * dynamic (`connection()`), so `next build` never opens the database.
 */
export const serverApi = cache(async () => {
  await connection();
  return createCaller(createContextInner({ db: await getDb() }));
});

/** Awaits a query and turns NOT_FOUND into the 404 page. */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
