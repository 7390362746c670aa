/**
 * The checks every request passes before Next.js sees it (used by scripts/serve.mjs).
 * Plain functions over Node's request/response so that they can be unit-tested
 * (scripts/http-guard.test.ts).
 */
import { randomBytes, randomUUID } from "node:crypto";
import proxyaddr from "proxy-addr";
import { edgeMessage } from "./edge-messages.mjs";

/** Headers the guard sets for the app; a client's own copies are dropped. */
export const CLIENT_IP_HEADER = "x-spo-client-ip";
export const PEER_HEADER = "x-spo-peer";
export const REQUEST_ID_HEADER = "x-request-id";

/** tRPC: at most this many procedures in one batched request, and this many bytes of body. */
export const MAX_BATCH = 10;
export const MAX_TRPC_BODY_BYTES = 1_000_000;

/**
 * Which peers may speak for the client through X-Forwarded-For: a comma-separated list of
 * addresses, CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
 * Empty: nobody — the socket address is the client.
 * @param {string} list
 */
export function compileTrust(list) {
  const entries = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.length === 0 ? () => false : proxyaddr.compile(entries);
}

/** "::ffff:127.0.0.1" → "127.0.0.1". @param {string | undefined} address */
export function normaliseAddress(address) {
  if (!address) return "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** @param {string} address */
export function isLoopback(address) {
  const a = normaliseAddress(address);
  return a === "::1" || /^127\./.test(a);
}

/**
 * The client's address: the socket's peer, or — only when that peer is a trusted proxy — the
 * right-most untrusted address of X-Forwarded-For.
 * @param {import("node:http").IncomingMessage} req
 * @param {(addr: string, i: number) => boolean} trust
 */
export function clientAddress(req, trust) {
  return normaliseAddress(proxyaddr(req, trust));
}

/**
 * A URL whose path or query holds a NUL byte or percent-encoding that is not UTF-8 (lone
 * surrogates included) is refused before any page or database sees it.
 * @param {string} rawUrl
 * @returns {boolean}
 */
export function urlIsClean(rawUrl) {
  try {
    const decoded = decodeURIComponent(rawUrl.replace(/\+/g, " "));
    return !decoded.includes("\u0000") && decoded.isWellFormed();
  } catch {
    return false;
  }
}

/**
 * The Host header must name this site: APP_URL's host, a loopback name, or one of ALLOWED_HOSTS.
 * A page on another domain that rebinds its DNS to this server (DNS rebinding) reaches it with its
 * own Host and is refused before anything — the loopback-only mail viewer included — answers.
 * @param {string | undefined} host
 * @param {Set<string>} allowed host names (no port)
 */
export function hostIsAllowed(host, allowed) {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
  const lower = (name ?? "").toLowerCase();
  return lower === "localhost" || lower === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(lower) || allowed.has(lower);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery and oversized API calls. Returns a refusal or null.
 * - A state-changing request from a browser must come from the site's own origin (APP_URL or
 *   the origin the request was addressed to); a foreign Origin or `Sec-Fetch-Site: cross-site`
 *   gets 403. Non-browser clients send neither header and are judged by their credentials.
 * - tRPC mutations are JSON only (no forms, no multipart), bodies at most MAX_TRPC_BODY_BYTES,
 *   batches at most MAX_BATCH procedures.
 * @param {{ method: string, pathname: string, headers: import("node:http").IncomingHttpHeaders, appOrigin: string, secure: boolean }} r
 * @returns {{ status: number, message: string } | null}
 */
export function refuseRequest({ method, pathname, headers, appOrigin, secure }) {
  if (pathname.startsWith("/api/trpc/")) {
    const calls = pathname.slice("/api/trpc/".length).split(",").length;
    if (calls > MAX_BATCH) {
      return { status: 400, message: edgeMessage(headers.cookie, "tooManyCalls", { max: MAX_BATCH }) };
    }
  }
  if (SAFE_METHODS.has(method)) return null;

  const origin = headers.origin;
  const own = new Set([appOrigin]);
  if (headers.host) own.add(`${secure ? "https" : "http"}://${headers.host}`);
  const foreign =
    origin !== undefined ? origin === "null" || !own.has(origin) : headers["sec-fetch-site"] === "cross-site";
  if (foreign) return { status: 403, message: edgeMessage(headers.cookie, "foreignSite") };

  if (pathname.startsWith("/api/trpc/")) {
    const type = String(headers["content-type"] ?? "")
      .split(";")[0]
      .trim()
      .toLowerCase();
    if (type !== "application/json") {
      return { status: 415, message: edgeMessage(headers.cookie, "jsonOnly") };
    }
    const length = Number(headers["content-length"] ?? NaN);
    if (!Number.isFinite(length)) return { status: 411, message: edgeMessage(headers.cookie, "lengthRequired") };
    if (length > MAX_TRPC_BODY_BYTES) return { status: 413, message: edgeMessage(headers.cookie, "tooLarge") };
  }
  return null;
}

/**
 * Security headers of every response. Scripts run only with this response's nonce (Next reads it
 * from the request's Content-Security-Policy header and puts it on its own scripts) or from the
 * site itself; no inline script without the nonce, no framing, no plugins.
 * @param {{ nonce: string, dev: boolean, secure: boolean }} o
 */
export function securityHeaders({ nonce, dev, secure }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  /** @type {Record<string, string>} */
  const headers = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
  };
  if (secure) headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** @param {import("node:http").ServerResponse} res @param {number} status @param {string} message */
function refuse(res, status, message, json) {
  res.statusCode = status;
  res.setHeader("cache-control", "no-store");
  if (json) {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: { message, code: status } }));
  } else {
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(message);
  }
}

/**
 * The guard for scripts/serve.mjs: sets the trusted headers and response headers, and answers
 * refused requests itself. Returns true when it answered.
 * @param {{ appUrl: string, trustedProxies: string, dev: boolean, allowedHosts?: string }} options
 */
export function createGuard({ appUrl, trustedProxies, dev, allowedHosts = "" }) {
  const trust = compileTrust(trustedProxies);
  const appOrigin = new URL(appUrl).origin;
  const hosts = new Set(
    [new URL(appUrl).hostname, ...allowedHosts.split(",")].map((h) => h.trim().toLowerCase()).filter(Boolean),
  );
  const appSecure = appOrigin.startsWith("https:");

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
  return function guard(req, res) {
    const peer = normaliseAddress(req.socket.remoteAddress);
    const proxied = trust(peer, 0);
    const requestId =
      (proxied && String(req.headers[REQUEST_ID_HEADER] ?? "").match(/^[\w.-]{8,100}$/)?.[0]) || randomUUID();
    for (const name of [CLIENT_IP_HEADER, PEER_HEADER, REQUEST_ID_HEADER, "content-security-policy"]) {
      delete req.headers[name];
    }
    req.headers[PEER_HEADER] = peer;
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trust);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);

    const secure = appSecure || (proxied && req.headers["x-forwarded-proto"] === "https");
    const nonce = randomBytes(16).toString("base64");
    const headers = securityHeaders({ nonce, dev, secure });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Next takes the nonce for its scripts from the request's policy.
    req.headers["content-security-policy"] = headers["content-security-policy"];

    const rawUrl = req.url ?? "/";
    const pathname = rawUrl.split("?")[0] ?? "/";
    const isApi = pathname.startsWith("/api/");
    // Health checks often address an instance by its IP; they reveal nothing, so any Host will do.
    const probe = pathname === "/api/health" || pathname === "/api/ready";
    if (!probe && !hostIsAllowed(req.headers.host, hosts)) {
      refuse(res, 421, edgeMessage(req.headers.cookie, "unknownHost"), isApi);
      return true;
    }
    if (!urlIsClean(rawUrl)) {
      refuse(res, 400, edgeMessage(req.headers.cookie, "badUrl"), isApi);
      return true;
    }
    const refusal = refuseRequest({
      method: (req.method ?? "GET").toUpperCase(),
      pathname,
      headers: req.headers,
      appOrigin,
      secure,
    });
    if (refusal) {
      refuse(res, refusal.status, refusal.message, isApi);
      return true;
    }
    return false;
  };
}
