/** The swap page of a pair of sessions: `/my/clash/<a>/<b>` (the link of the clash mail). */
export const clashPath = (a: string, b: string): string =>
  `/my/clash/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
