/**
 * A short-lived cache of who a session cookie belongs to, per process. Resolving a cookie costs
 * a JWE decryption and a User read; a page and its tRPC calls repeat it many times a minute.
 *
 * Revocation bound: a password change, a role change or a deleted account applies on this
 * instance at once (the services call `forgetCachedSessions`), and on the other instances within
 * SESSION_CACHE_MS (5 s by default; 0 switches the cache off). Keys are the cookie values
 * themselves, which only their holder knows; entries are few bytes and capped in number.
 */
import { env } from "~/server/env";
import type { SessionUser } from "~/server/auth/roles";

type Entry = { user: SessionUser | null; until: number };

const MAX_ENTRIES = 20_000;
const holder = globalThis as { __spoSessionCache?: Map<string, Entry> };
const cache = (holder.__spoSessionCache ??= new Map());

/** The cached person for a cookie value, `undefined` when not cached (or expired). */
export function cachedSession(key: string, now = Date.now()): SessionUser | null | undefined {
  const hit = cache.get(key);
  if (!hit) return undefined;
  if (hit.until <= now) {
    cache.delete(key);
    return undefined;
  }
  return hit.user;
}

export function rememberSession(key: string, user: SessionUser | null, now = Date.now()): void {
  const ttl = env.SESSION_CACHE_MS;
  if (ttl <= 0) return;
  if (cache.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest tenth.
    let drop = Math.ceil(MAX_ENTRIES / 10);
    for (const k of cache.keys()) {
      cache.delete(k);
      if (--drop === 0) break;
    }
  }
  cache.set(key, { user, until: now + ttl });
}

/** Forgets every cached session of this process (after a password, role or account change). */
export function forgetCachedSessions(): void {
  cache.clear();
}

/**
 * The session cookie among a request's cookies: its name (the JWT salt) and its value, the
 * chunks of a long cookie (`.0`, `.1`, …) joined in order as Auth.js joins them. Null when none.
 */
export function sessionCookie(cookies: { name: string; value: string }[]): { name: string; value: string } | null {
  const parts = cookies
    .map((c) => ({ m: /^((?:__Secure-)?authjs\.session-token)(?:\.(\d+))?$/.exec(c.name), value: c.value }))
    .filter((c): c is { m: RegExpExecArray; value: string } => c.m !== null)
    .sort((a, b) => Number(a.m[2] ?? -1) - Number(b.m[2] ?? -1));
  if (parts.length === 0) return null;
  return { name: parts[0]!.m[1]!, value: parts.map((p) => p.value).join("") };
}

/** Cookies of a Cookie header. */
export function parseCookieHeader(header: string | null | undefined): { name: string; value: string }[] {
  if (!header) return [];
  return header.split(";").flatMap((part) => {
    const eq = part.indexOf("=");
    return eq > 0 ? [{ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() }] : [];
  });
}
