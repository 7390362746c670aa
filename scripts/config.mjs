/**
 * Checks the configuration `npm start` and the database commands run with, before anything is
 * written (no migration, no seed, no build). Plain Node: these scripts run before anything is
 * compiled; the app server validates the same variables again in server/env.ts.
 *
 * A deployment is a start with DATABASE_URL set: it must bring its own AUTH_SECRET. The
 * zero-setup start (no DATABASE_URL) generates one in .data/auth-secret.
 */
import { parseDatabaseUrl } from "../prisma/engine/database-url.mjs";

/** @typedef {{ name: string, problem: string }} ConfigProblem */

const BOOLEAN = /^(1|0|true|false|yes|no|y|n|on|off|enabled|disabled)?$/i;

/** @param {string} value */
function parseUrl(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The problem with DATABASE_URL's form, or null (unset is the embedded database).
 * @param {string | undefined} databaseUrl
 * @returns {ConfigProblem | null}
 */
export function databaseUrlProblem(databaseUrl) {
  if (!databaseUrl) return null;
  let target;
  try {
    target = parseDatabaseUrl(databaseUrl);
  } catch {
    return { name: "DATABASE_URL", problem: "must be postgresql://user@host:5432/database or file:<directory>" };
  }
  if (target.kind === "postgres") {
    const url = parseUrl(databaseUrl);
    if (!url || !url.hostname) return { name: "DATABASE_URL", problem: "is not a valid postgresql:// URL (no host)" };
    if (url.pathname.replace(/^\//, "") === "") {
      return { name: "DATABASE_URL", problem: "names no database (postgresql://user@host:5432/<database>)" };
    }
  }
  return null;
}

/**
 * The first configuration problem, or null when the configuration is usable.
 * @param {Record<string, string | undefined>} env
 * @returns {ConfigProblem | null}
 */
export function configProblem(env) {
  const set = (name) => {
    const v = env[name];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const databaseUrl = set("DATABASE_URL");
  const database = databaseUrlProblem(databaseUrl);
  if (database) return database;

  const secret = env.AUTH_SECRET === "" ? undefined : env.AUTH_SECRET;
  if (secret !== undefined && secret.length < 32) {
    return { name: "AUTH_SECRET", problem: `must be at least 32 characters (it has ${secret.length})` };
  }
  if (databaseUrl && secret === undefined) {
    return {
      name: "AUTH_SECRET",
      problem: "is required when DATABASE_URL is set (32+ random characters, e.g. `openssl rand -base64 32`)",
    };
  }

  const smtp = set("SMTP_URL");
  if (smtp) {
    const url = parseUrl(smtp);
    if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
      return { name: "SMTP_URL", problem: "must be smtp://user:pass@host:587 or smtps://user:pass@host:465" };
    }
  }

  const appUrl = env.APP_URL;
  if (appUrl !== undefined) {
    const url = parseUrl(appUrl.trim());
    if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) {
      return { name: "APP_URL", problem: "must be an http:// or https:// URL, e.g. https://forum-spo.ru" };
    }
  }

  const from = env.MAIL_FROM;
  if (from !== undefined) {
    const address = /<([^<>\s]+)>\s*$/.exec(from.trim())?.[1] ?? from.trim();
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) {
      return { name: "MAIL_FROM", problem: "must be an address, e.g. Forum SPO <noreply@forum-spo.ru>" };
    }
  }

  const port = env.PORT;
  if (port !== undefined) {
    const n = Number(port);
    if (!/^\d+$/.test(port.trim()) || n < 1 || n > 65535) {
      return { name: "PORT", problem: "must be a port number from 1 to 65535" };
    }
  }

  const workers = env.WEB_CONCURRENCY;
  if (
    workers !== undefined &&
    workers.trim() !== "" &&
    webConcurrency({ ...env, DATABASE_URL: "postgresql://x" }) === null
  ) {
    return { name: "WEB_CONCURRENCY", problem: "must be a number of processes from 1 to 64, or auto (one per core)" };
  }

  for (const name of ["SEED_DEMO", "DEV_MAIL_VIEWER", "PAGE_CACHE"]) {
    const v = env[name];
    if (v !== undefined && !BOOLEAN.test(v.trim())) return { name, problem: "must be 1 or 0" };
  }
  return null;
}

/**
 * How many server processes `npm start` runs (WEB_CONCURRENCY: a number, or "auto" for one per
 * core). The embedded database allows one process only, so it is always 1 there. Null when the
 * value is not valid.
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 */
export function webConcurrency(env, cores = 1) {
  const raw = env.WEB_CONCURRENCY?.trim() ?? "";
  let n = 1;
  if (/^auto$/i.test(raw)) n = cores;
  else if (raw !== "") {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) return null;
    n = Number(raw);
  }
  return /^postgres(ql)?:/.test(env.DATABASE_URL?.trim() ?? "") ? n : 1;
}

/** "1", "true", "yes", "on" (any case). */
export function isTrue(value) {
  return typeof value === "string" && /^(1|true|yes|on)$/i.test(value.trim());
}

/**
 * The one-line message for a problem, as `npm start` prints it.
 * @param {ConfigProblem} problem
 */
export function configErrorLine(problem) {
  return `Configuration error: ${problem.name}: ${problem.problem}`;
}
