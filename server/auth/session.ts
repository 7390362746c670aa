import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "~/server/auth/config";
import type { SessionUser } from "~/server/auth/roles";
import { cachedSession, rememberSession, sessionCookieKey } from "~/server/auth/session-cache";
import { getDb } from "~/server/db";

/**
 * The signed-in person for this request, read from the database: the session cookie must
 * name an existing user with the same session version (changing the password or deleting
 * the account ends every session), and the role is the current one, not the one at sign-in.
 * Resolved once per request (React `cache`) and reused for a few seconds per cookie
 * (server/auth/session-cache.ts says the revocation bound).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const key = sessionCookieKey((await cookies()).getAll());
  if (!key) return null;
  const hit = cachedSession(key);
  if (hit !== undefined) return hit;
  const user = await resolveSession();
  rememberSession(key, user);
  return user;
});

async function resolveSession(): Promise<SessionUser | null> {
  const session = (await auth()) as { uid?: string; sv?: number } | null;
  if (!session?.uid || typeof session.sv !== "number") return null;
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, role: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, role: user.role };
}
