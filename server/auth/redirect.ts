/** Where to go after signing in: only paths on this site (no open redirects). */
export function safeNextPath(next: string | undefined | null, fallback = "/account"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next.length > 500) return fallback;
  return next;
}
