/**
 * The production server as `npm start` runs it (`node scripts/start.mjs`: migrate, seed if
 * empty, build if stale, serve), on a port and a database of the bench's own, and session
 * cookies minted the way Auth.js signs them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { encode } from "next-auth/jwt";
import { exited, waitReady } from "~/e2e/ops/cluster";

export const AUTH_SECRET = "bench-auth-secret-0123456789abcdefghijklmnop";
const COOKIE = "authjs.session-token";

export type Server = {
  /** Where to send requests (127.0.0.1: the server listens on loopback only). */
  base: string;
  /** APP_URL's origin: the Origin header of a state-changing request. */
  origin: string;
  pid: number;
  logFile: string;
  /** Throws when the server has exited (a figure measured against a dead server is no figure). */
  check: () => void;
  stop: () => Promise<void>;
};

export async function startServer(opts: {
  port: number;
  databaseUrl: string;
  logFile: string;
  /** More environment (the profile's NODE_OPTIONS and WEB_CONCURRENCY). */
  env?: Record<string, string>;
}): Promise<Server> {
  const origin = `http://localhost:${opts.port}`;
  const { DEV_MAIL_VIEWER: _viewer, NODE_ENV: _mode, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(opts.port),
    HOST: "127.0.0.1",
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET,
    APP_URL: origin,
    SEED_DEMO: "1",
    SMTP_URL: "",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    ...opts.env,
  };
  const out = openSync(opts.logFile, "a");
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  let stopping = false;
  let ended: string | null = null;
  child.once("exit", (code, signal) => (ended = signal ? `signal ${signal}` : `exit ${code}`));
  const check = () => {
    if (ended && !stopping) throw new Error(`the server on port ${opts.port} ended (${ended}); see ${opts.logFile}`);
  };
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    await exited(child);
    clearTimeout(killer);
  };
  const failed = exited(child).then((code) => {
    throw new Error(`the server on port ${opts.port} exited (${code}); see ${opts.logFile}`);
  });
  await Promise.race([waitReady(base, 600), failed]);
  failed.catch(() => {});
  return { base, origin, pid: child.pid!, logFile: opts.logFile, check, stop };
}

/** A session cookie for a user, as Auth.js's JWT callback makes it (uid and session version). */
export async function sessionCookie(userId: string, sessionVersion = 0): Promise<string> {
  const token = await encode({
    token: { sub: userId, uid: userId, sv: sessionVersion },
    secret: AUTH_SECRET,
    salt: COOKIE,
    maxAge: 24 * 3600,
  });
  return `${COOKIE}=${token}`;
}

/** True when the cookie signs its holder in: `path` answers 200 instead of sending to /signin. */
export async function cookieWorks(base: string, cookie: string, path = "/my"): Promise<boolean> {
  const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  return res.status === 200;
}
