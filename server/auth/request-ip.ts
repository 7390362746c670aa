/**
 * Who is on the other end of a request, as scripts/serve.mjs (the HTTP server in front of Next)
 * established it: it drops any client-sent copies of these headers and sets them from the socket,
 * trusting X-Forwarded-For only from TRUSTED_PROXIES. Nothing here reads forwarded headers itself.
 */
export const CLIENT_IP_HEADER = "x-spo-client-ip";
export const PEER_HEADER = "x-spo-peer";
export const REQUEST_ID_HEADER = "x-request-id";

/** The client's address (for rate limits); null outside scripts/serve.mjs. */
export function requestIp(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER)?.trim() || null;
}

/** Whether the TCP peer itself is this machine (a forwarded header never counts). */
export function fromLoopback(headers: Headers): boolean {
  const peer = headers.get(PEER_HEADER)?.trim() ?? "";
  return peer === "::1" || peer.startsWith("127.") || peer === "::ffff:127.0.0.1";
}

/** The request id the server log and error pages carry. */
export function requestId(headers: Headers): string | null {
  return headers.get(REQUEST_ID_HEADER)?.trim() || null;
}
