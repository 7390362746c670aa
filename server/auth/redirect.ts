/** Where to go after signing in: only paths on this site (no open redirects). */
export function safeNextPath(next: string | undefined | null, fallback = "/account"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  if (next.length > 500) return fallback;
  return next;
}

/**
 * Where a plain form should send its sender back to: the same site's page named by `back`, or by
 * the Referer (same host only), else home.
 */
export function backToPage(request: Request, back: unknown): string {
  if (typeof back === "string" && back) return safeNextPath(back, "/");
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.host === request.headers.get("host") ? safeNextPath(from.pathname + from.search, "/") : "/";
  } catch {
    return "/";
  }
}
