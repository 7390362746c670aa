#!/usr/bin/env node
/**
 * The HTTP server in front of Next.js (a Next "custom server"): every request passes the
 * checks in scripts/http-guard.mjs first — client address from the socket (forwarded headers
 * only from TRUSTED_PROXIES), a request id, security headers with a per-request CSP nonce,
 * same-origin JSON-only mutations, limits on tRPC batches and bodies, and URLs free of NUL
 * bytes and broken UTF-8 — then Next renders it.
 *
 * Binds to 127.0.0.1 unless HOST is set: a zero-setup start is never reachable from the network.
 * On SIGTERM/SIGINT it stops accepting, lets requests in flight finish (bounded), then runs the
 * app's own shutdown (mail worker, database) registered by server/shutdown.ts.
 *
 * Usage: node scripts/serve.mjs [--dev]   (PORT, HOST, APP_URL, TRUSTED_PROXIES from the environment)
 */
import http from "node:http";
import net from "node:net";
import next from "next";
import { log, requestContext } from "../server/ops/log.mjs";
import { metrics, routeLabel } from "../server/ops/metrics.mjs";
import { edgeMessage } from "./edge-messages.mjs";
import { createGuard } from "./http-guard.mjs";
import { createPageCache } from "./page-cache.mjs";
import { root } from "./lib.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST?.trim() || "127.0.0.1";
/** SIGTERM: how long new connections are still taken (readiness already 503), then how long requests may finish. */
const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 1_500);
const DRAIN_MS = 20_000;

const app = next({ dev, dir: root, hostname: host === "0.0.0.0" || host === "::" ? "localhost" : host, port });
const handle = app.getRequestHandler();
const guard = createGuard({
  appUrl: process.env.APP_URL ?? `http://localhost:${port}`,
  trustedProxies: process.env.TRUSTED_PROXIES ?? "",
  allowedHosts: process.env.ALLOWED_HOSTS ?? "",
  dev,
});

await app.prepare();

/**
 * Guest pages rendered once per programme version (scripts/page-cache.mjs). The app registers how
 * to read the version (server/shutdown.ts) and calls `__spoContentChanged` when it moves it.
 * Off in development and with PAGE_CACHE=0.
 */
const hooks = /** @type {{ __spoContentVersion?: () => Promise<number>, __spoContentChanged?: () => void }} */ (
  globalThis
);
const pageCache =
  dev || process.env.PAGE_CACHE === "0"
    ? null
    : createPageCache({ version: () => hooks.__spoContentVersion?.(), log: (line) => log.warn(line) });
hooks.__spoContentChanged = () => pageCache?.changed();

/**
 * tRPC calls go straight to the app's handler (server/api/handler.ts, registered by the app at
 * start) instead of through Next's routing, which costs more than most procedures. The guard has
 * run already. Development keeps Next's route (app/api/trpc/[trpc]/route.ts, the same handler).
 * @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 */
async function answerTrpc(req, res) {
  const trpc = /** @type {{ __spoTrpc?: (r: Request) => Promise<Response> }} */ (globalThis).__spoTrpc;
  if (!trpc) return handle(req, res);
  const method = req.method ?? "GET";
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  /** @type {Buffer | undefined} */
  let body;
  if (method !== "GET" && method !== "HEAD") {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  const response = await trpc(
    new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, { method, headers, body }),
  );
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.headers.has("cache-control")) res.setHeader("cache-control", "no-store");
  res.statusCode = response.status;
  res.end(Buffer.from(await response.arrayBuffer()));
}
const isTrpc = (/** @type {string | undefined} */ url) => !dev && (url ?? "").startsWith("/api/trpc/");

/** One access line per request (path without its query: queries can hold addresses), and its latency. */
function observe(req, res, started) {
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routeLabel(path);
    metrics.httpDuration.observe({ method: req.method ?? "GET", route, status: String(res.statusCode) }, seconds);
    if (!path.startsWith("/_next/")) {
      log.info({ method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    }
  });
}

/**
 * Connections and what they are doing, for the drain: a connection whose request bytes are still
 * unread (the event loop was busy) looks idle to Node, so Node's own idle-closing would cut it.
 */
const connections = new Map();
let stopping = false;

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  const conn = connections.get(req.socket);
  if (conn) {
    conn.active += 1;
    res.once("close", () => {
      conn.active -= 1;
      conn.served += 1;
      conn.since = Date.now();
    });
  }
  // While draining, every answer closes its connection after it.
  if (stopping) res.shouldKeepAlive = false;
  const answered = guard(req, res);
  const requestId = String(req.headers["x-request-id"]);
  requestContext.run({ requestId }, () => {
    observe(req, res, started);
    if (answered) return;
    const answer = isTrpc(req.url)
      ? answerTrpc(req, res)
      : pageCache
        ? pageCache.handle(req, res, handle)
        : handle(req, res);
    answer.catch((error) => {
      log.error({ err: error }, "request failed outside the app");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      res.end(edgeMessage(req.headers.cookie, "internal", { id: requestId }));
    });
  });
});
server.keepAliveTimeout = 65_000;
server.on("connection", (socket) => {
  connections.set(socket, { active: 0, served: 0, since: Date.now() });
  socket.once("close", () => connections.delete(socket));
});

server.listen(port, host, () => {
  log.info({ host, port }, `listening on http://${host.includes(":") ? `[${host}]` : host}:${port}`);
});

/** Closes connections with nothing in flight: served ones at once, never-used ones after a grace. */
function closeIdle() {
  const now = Date.now();
  for (const [socket, c] of connections) {
    if (c.active === 0 && (c.served > 0 || now - c.since > 5_000)) socket.end();
  }
}

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "draining requests in flight");
  // First a grace period: /api/ready answers 503 so that a proxy stops sending, and connections
  // already waiting in the listen backlog (a busy event loop has not accepted them yet) get
  // accepted — closing the listener would reset them. Then stop accepting, right after a poll.
  /** @type {{ __spoDraining?: boolean }} */ (globalThis).__spoDraining = true;
  await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
  await new Promise((resolve) => setImmediate(resolve));
  // net's close, not http's: stop accepting without Node's idle-closing (see `connections`).
  const drained = new Promise((resolve) => net.Server.prototype.close.call(server, () => resolve(undefined)));
  closeIdle();
  const sweep = setInterval(closeIdle, 250);
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await drained;
  clearInterval(sweep);
  clearTimeout(timer);
  const shutdown = /** @type {{ __spoShutdown?: () => Promise<void> }} */ (globalThis).__spoShutdown;
  try {
    await shutdown?.();
  } catch (error) {
    log.error({ err: error }, "shutdown failed");
  }
  log.info("stopped");
  process.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => void stop(signal));
