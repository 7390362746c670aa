import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { createCaller } from "~/server/api/root";
import { contextFromHeaders } from "~/server/api/trpc";
import { getSessionUser } from "~/server/auth/session";
import { getDb } from "~/server/db";

/**
 * The tRPC caller for Server Components and Server Actions, one per request, as the
 * signed-in person. Reading data makes the page
 * dynamic (`connection()`), so `next build` never opens the database.
 */
export const serverApi = cache(async () => {
  await connection();
  const [db, user, h] = await Promise.all([getDb(), getSessionUser(), headers()]);
  return createCaller(contextFromHeaders({ db, user, headers: h }));
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
