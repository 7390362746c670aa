import { cookies } from "next/headers";
import { cache } from "react";
import type { SessionUser } from "~/server/auth/roles";
import { readSessionToken } from "~/server/auth/session-token";
import { cachedSession, rememberSession, sessionCookie } from "~/server/auth/session-cache";
import { getDb } from "~/server/db";
import { readRows, sql } from "~/server/db/sql";
import { env } from "~/server/env";

/**
 * The signed-in person of a request's cookies, read from the database: the session cookie (an
 * Auth.js JWT, server/auth/config.ts) must name an existing user with the same session version
 * (changing the password or deleting the account ends every session), and the role is the
 * current one, not the one at sign-in. Reused for a few seconds per cookie
 * (server/auth/session-cache.ts says the revocation bound).
 */
export async function sessionUserOf(list: { name: string; value: string }[]): Promise<SessionUser | null> {
  const cookie = sessionCookie(list);
  if (!cookie) return null;
  const key = `${cookie.name}=${cookie.value}`;
  const hit = cachedSession(key);
  if (hit !== undefined) return hit;
  const user = await resolve(cookie);
  rememberSession(key, user);
  return user;
}

async function resolve(cookie: { name: string; value: string }): Promise<SessionUser | null> {
  // Null when forged, expired, or signed with another secret.
  const token = await readSessionToken({ token: cookie.value, secret: env.AUTH_SECRET ?? "", salt: cookie.name });
  if (typeof token?.uid !== "string" || typeof token.sv !== "number") return null;
  const db = await getDb();
  const [user] = await readRows<SessionUser & { sessionVersion: number }>(
    db,
    sql`SELECT "id", "email", "role"::text AS role, "sessionVersion" FROM "User" WHERE "id" = ${token.uid}`,
  );
  if (!user || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, role: user.role };
}

/** The signed-in person of this Next request (pages, actions, route handlers), once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => sessionUserOf((await cookies()).getAll()));
