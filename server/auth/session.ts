import { cookies } from "next/headers";
import { cache } from "react";
import type { SessionClaim, SessionUser } from "~/server/auth/roles";
import { readSessionToken } from "~/server/auth/session-token";
import { cachedSession, rememberSession, sessionCookie } from "~/server/auth/session-cache";
import { getDb } from "~/server/db";
import type { Db } from "~/server/db/client";
import { readRows, sql } from "~/server/db/sql";
import { env } from "~/server/env";

/**
 * The signed-in person of a request's cookies, read from the database: the session cookie (an
 * Auth.js JWT, server/auth/config.ts) must name an existing user with the same session version
 * (changing the password or deleting the account ends every session), and the role is the
 * current one, not the one at sign-in. Reused for a few seconds per cookie
 * (server/auth/session-cache.ts says the revocation bound).
 */
export async function sessionUserOf(
  list: { name: string; value: string }[],
  database: () => Promise<Db> = getDb,
): Promise<SessionUser | null> {
  const cookie = sessionCookie(list);
  if (!cookie) return null;
  const key = `${cookie.name}=${cookie.value}`;
  const hit = cachedSession(key);
  if (hit !== undefined) return hit;
  const user = await resolve(cookie, database);
  rememberSession(key, user);
  return user;
}

/**
 * Who the cookie is, without a User read when this process has not resolved it lately: the cached
 * person, else the token's claim (authentic and unexpired), which the procedure checks against
 * the User row in its own statement (server/api/trpc.ts `claimedParticipantProcedure`).
 */
export async function sessionClaimOf(
  list: { name: string; value: string }[],
): Promise<{ user: SessionUser | null; claim: SessionClaim | null }> {
  const cookie = sessionCookie(list);
  if (!cookie) return { user: null, claim: null };
  const hit = cachedSession(`${cookie.name}=${cookie.value}`);
  if (hit !== undefined) return { user: hit, claim: null };
  return { user: null, claim: await claimOf(cookie) };
}

/** The token's person and session version; null when forged, expired, or signed with another secret. */
async function claimOf(cookie: { name: string; value: string }): Promise<SessionClaim | null> {
  const token = await readSessionToken({ token: cookie.value, secret: env.AUTH_SECRET ?? "", salt: cookie.name });
  if (typeof token?.uid !== "string" || typeof token.sv !== "number") return null;
  return { userId: token.uid, sessionVersion: token.sv };
}

async function resolve(
  cookie: { name: string; value: string },
  database: () => Promise<Db>,
): Promise<SessionUser | null> {
  const claim = await claimOf(cookie);
  if (!claim) return null;
  const db = await database();
  const [user] = await readRows<SessionUser & { sessionVersion: number }>(
    db,
    sql`SELECT "id", "email", "role"::text AS role, "sessionVersion", "locale", "timeZone" FROM "User" WHERE "id" = ${claim.userId}`,
  );
  if (!user || user.sessionVersion !== claim.sessionVersion) return null;
  return { id: user.id, email: user.email, role: user.role, locale: user.locale, timeZone: user.timeZone };
}

/** The signed-in person of this Next request (pages, actions, route handlers), once per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => sessionUserOf((await cookies()).getAll()));
