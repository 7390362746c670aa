/**
 * The guest page cache of scripts/serve.mjs. Public pages that everybody without a session sees
 * the same — the programme (every day, filter and search), session pages, speakers, the home
 * page and the public calendar — are rendered once per programme version and served from memory.
 *
 * - Keyed on method-independent URL (path + query as sent) and the cookies that change what a
 *   guest sees (VARY_COOKIES: language, view, time zone, demo note). A request with a session cookie, an RSC
 *   (client-navigation) request or any method but GET/HEAD is never cached.
 * - Invalidation: `version()` (the ContentVersion row) is polled every `pollMs`; when it moves,
 *   every entry goes. On the instance that made the change, `changed()` stops serving and storing
 *   at once, until the poll has seen the new version. Seat counts move with bookings, not with the
 *   version: an entry lives at most `maxAgeMs` (10 s), which bounds how stale "seats left" is.
 * - CSP: a cached page is shared, so it cannot carry a per-request nonce. It is rendered without
 *   one, and served with the sha256 of each of its inline scripts in `script-src` instead (see
 *   `scriptHashes`); pages rendered per request keep the nonce (scripts/http-guard.mjs).
 * - Served with an ETag (304 on If-None-Match), gzip when accepted, `cache-control: no-cache` and
 *   `vary: Cookie` (browsers revalidate; back/forward cache stays allowed; shared caches never
 *   hand a guest page to a signed-in person). Concurrent misses of one key render once.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

/** Paths whose guest rendering is shared. */
const CACHEABLE_PATH = /^\/(?:programme(?:\.ics|\/changes)?|(?:speakers|sessions)(?:\/[A-Za-z0-9_-]{1,64})?)?$/;
/**
 * Cookies that change a guest page: language, the programme's remembered view (cards/compact,
 * server/programme/view.ts), own time zone, the dismissed demo note.
 */
export const VARY_COOKIES = ["lang", "view", "tz", "demo"];
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const DROPPED_HEADERS = new Set([
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "content-security-policy",
  "cache-control",
  "etag",
  "vary",
  "x-request-id",
]);

/** @param {string | undefined} header @param {string} name */
function cookieValue(header, name) {
  if (!header) return "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return part
        .slice(eq + 1)
        .trim()
        .slice(0, 40);
  }
  return "";
}

/**
 * The cache key of a request, or null when it must be rendered for this request alone.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function cacheKey(req) {
  const method = (req.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") return null;
  const url = req.url ?? "/";
  if (url.length > 512) return null;
  const path = url.split("?")[0] ?? "/";
  if (!CACHEABLE_PATH.test(path)) return null;
  const h = req.headers;
  if (h.rsc || h["next-router-prefetch"] || h["next-action"] || h.authorization) return null;
  const cookie = Array.isArray(h.cookie) ? h.cookie.join("; ") : h.cookie;
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  return [url, ...VARY_COOKIES.map((n) => cookieValue(cookie, n))].join("\u0000");
}

/**
 * The sha256 source expressions of the inline scripts of an HTML page, for `script-src`.
 * @param {string} html
 */
export function scriptHashes(html) {
  const out = new Set();
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1]) out.add(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
  }
  return [...out];
}

/** The request's CSP without its nonce: Next then renders scripts without one. @param {string} csp */
export const withoutNonce = (csp) => csp.replace(/\s*'nonce-[^']*'/g, "");

/** The response CSP of a shared page: the nonce replaced by the page's script hashes. */
export const withHashes = (/** @type {string} */ csp, /** @type {string[]} */ hashes) =>
  csp.replace(/\s*'nonce-[^']*'/, hashes.length > 0 ? ` ${hashes.join(" ")}` : "");

/**
 * @typedef {{ status: number, headers: Record<string, string | string[]>, body: Buffer, gzip: Buffer | null,
 *   etag: string, csp: string | null, version: number, storedAt: number }} Entry
 */

/**
 * @param {{ version: () => Promise<number> | undefined, maxEntries?: number, maxAgeMs?: number,
 *   pollMs?: number, log?: (msg: string) => void, now?: () => number }} options
 */
export function createPageCache({
  version,
  maxEntries = 500,
  maxAgeMs = 10_000,
  pollMs = 1_000,
  log = () => {},
  now = Date.now,
}) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** @type {Map<string, Promise<void>>} */
  const pending = new Map();
  /** @type {number | null} the version last seen; null: unknown, nothing is cached */
  let current = null;
  /** Set by `changed()`: no serving or storing until the poll sees a version above this. */
  let suspended = /** @type {{ above: number | null, until: number } | null} */ (null);
  const stats = { hits: 0, misses: 0, stored: 0, invalidations: 0 };

  const clear = () => {
    if (entries.size > 0) stats.invalidations += 1;
    entries.clear();
  };

  async function poll() {
    try {
      const v = await version();
      if (v === undefined) return;
      if (suspended && ((suspended.above !== null && v > suspended.above) || now() > suspended.until)) {
        suspended = null;
        clear();
      }
      if (v !== current) clear();
      current = v;
    } catch (error) {
      if (current !== null) log(`page cache off until the programme version can be read: ${String(error)}`);
      current = null;
      clear();
    }
  }
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  void poll();

  const active = () => current !== null && !suspended;

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res @param {Entry} e */
  function send(req, res, e) {
    for (const [name, value] of Object.entries(e.headers)) res.setHeader(name, value);
    if (e.csp) res.setHeader("content-security-policy", e.csp);
    res.setHeader("cache-control", "no-cache");
    res.setHeader("vary", "Cookie, Accept-Encoding");
    res.setHeader("etag", e.etag);
    if (req.headers["if-none-match"] === e.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const gzip = e.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? /** @type {Buffer} */ (e.gzip) : e.body;
    if (gzip) res.setHeader("content-encoding", "gzip");
    res.setHeader("content-length", String(body.length));
    res.statusCode = e.status;
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** @param {string} key */
  function fresh(key) {
    const e = entries.get(key);
    if (!e) return null;
    if (e.version !== current || now() - e.storedAt > maxAgeMs) {
      entries.delete(key);
      return null;
    }
    return e;
  }

  /**
   * Answers from the cache, or lets `render` (Next) answer while the response is captured and
   * stored. Resolves when the response is handed over.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
   */
  async function handle(req, res, render) {
    const key = active() ? cacheKey(req) : null;
    if (key === null) return render(req, res);
    const hit = fresh(key);
    if (hit) {
      stats.hits += 1;
      return send(req, res, hit);
    }
    const inFlight = pending.get(key);
    if (inFlight) {
      await inFlight;
      const e = fresh(key);
      if (e) {
        stats.hits += 1;
        return send(req, res, e);
      }
      return render(req, res);
    }
    stats.misses += 1;
    const versionAtStart = current;
    const job = capture(req, res, render, (entry) => {
      if (!active() || current !== versionAtStart || versionAtStart === null) return;
      entry.version = versionAtStart;
      if (entries.size >= maxEntries) entries.delete(/** @type {string} */ (entries.keys().next().value));
      entries.set(key, entry);
      stats.stored += 1;
    });
    pending.set(key, job);
    try {
      await job;
    } finally {
      pending.delete(key);
    }
  }

  /**
   * Renders through Next without a nonce and without compression, holds the whole response,
   * then sends it with the hash CSP; `store` gets it when it may be shared.
   * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
   * @param {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>} render
   * @param {(entry: Entry) => void} store
   */
  function capture(req, res, render, store) {
    const policy = String(req.headers["content-security-policy"] ?? "");
    if (policy) req.headers["content-security-policy"] = withoutNonce(policy);
    const encodings = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    const conditional = req.headers["if-none-match"];
    delete req.headers["if-none-match"];
    /** @type {Buffer[]} */
    const chunks = [];
    const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
    const toBuffer = (/** @type {unknown} */ c, /** @type {unknown} */ enc) =>
      Buffer.isBuffer(c)
        ? c
        : c instanceof Uint8Array
          ? Buffer.from(c)
          : Buffer.from(String(c), typeof enc === "string" ? /** @type {BufferEncoding} */ (enc) : "utf8");

    return new Promise((resolve) => {
      const finish = () => {
        Object.assign(res, original);
        const body = Buffer.concat(chunks);
        const type = String(res.getHeader("content-type") ?? "");
        const html = type.startsWith("text/html");
        const csp = html && policy ? withHashes(policy, scriptHashes(body.toString("utf8"))) : null;
        /** @type {Record<string, string | string[]>} */
        const headers = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (!DROPPED_HEADERS.has(name) && value !== undefined) headers[name] = /** @type {string} */ (value);
        }
        const shareable =
          res.statusCode === 200 && !res.getHeader("set-cookie") && (html || type.startsWith("text/calendar"));
        /** @type {Entry} */
        const entry = {
          status: res.statusCode,
          headers,
          body,
          gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : null,
          etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
          csp,
          version: -1,
          storedAt: now(),
        };
        if (shareable) {
          store(entry);
          if (conditional !== undefined) req.headers["if-none-match"] = conditional;
          if (encodings !== undefined) req.headers["accept-encoding"] = encodings;
          send(req, res, entry);
        } else {
          // Rendered for this request only: its own headers, the hash CSP (it has no nonce).
          if (csp) res.setHeader("content-security-policy", csp);
          res.removeHeader("content-length");
          res.removeHeader("content-encoding");
          res.setHeader("content-length", String(body.length));
          res.end(req.method === "HEAD" ? undefined : body);
        }
        resolve(undefined);
      };
      // Next writes headers, then streams the body; hold all of it.
      res.writeHead = /** @type {any} */ (
        function writeHead(/** @type {number} */ status, /** @type {any} */ a, /** @type {any} */ b) {
          res.statusCode = status;
          const h = typeof a === "object" ? a : b;
          if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) res.setHeader(h[i], h[i + 1]);
          else if (h) for (const [n, v] of Object.entries(h)) res.setHeader(n, v);
          return res;
        }
      );
      res.flushHeaders = () => {};
      res.write = /** @type {any} */ (
        function write(/** @type {unknown} */ chunk, /** @type {unknown} */ enc, /** @type {unknown} */ cb) {
          if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, enc));
          const done = typeof enc === "function" ? enc : cb;
          if (typeof done === "function") process.nextTick(done);
          return true;
        }
      );
      res.end = /** @type {any} */ (
        function end(/** @type {unknown} */ chunk, /** @type {unknown} */ enc, /** @type {unknown} */ cb) {
          if (typeof chunk === "function") cb = chunk;
          else if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, enc));
          finish();
          const done = typeof enc === "function" ? enc : cb;
          if (typeof done === "function") process.nextTick(done);
          return res;
        }
      );
      render(req, res).catch((error) => {
        Object.assign(res, original);
        log(`page render failed: ${String(error)}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
        resolve(undefined);
      });
    });
  }

  return {
    handle,
    /** The instance itself changed the programme: stop serving until the poll sees it. */
    changed() {
      suspended = { above: current, until: now() + 10_000 };
      clear();
    },
    stats: () => ({ ...stats, entries: entries.size, version: current, suspended: Boolean(suspended) }),
    poll,
    stop: () => clearInterval(timer),
  };
}
