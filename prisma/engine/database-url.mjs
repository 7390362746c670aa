// The two kinds of database URL the project accepts, shared by the schema-engine shim,
// prisma.config.ts and the app server:
//   postgresql://user@host:5432/db?schema=public   a PostgreSQL server (driver: @prisma/adapter-pg)
//   file:<dataDir>                                 an embedded PGlite database (pglite-prisma-adapter)
// `file:` is the one non-PostgreSQL scheme the Prisma CLI accepts for provider "postgresql" all
// the way through (it prints and parses the URL in `migrate dev/deploy`; `pglite:` makes it fail
// with "Unknown protocol"). It passes the URL to the engine untouched, so the meaning is ours:
//   file:./.data/pglite       relative to the current working directory (the project root for
//                             the CLI, which runs the engine in the config's folder, and the app)
//   file:/srv/spo/pglite      an absolute path
//   file:///srv/spo/pglite    a standard file URL (percent-decoded)
//   file::memory:             a throwaway in-memory database
// A query string (`?…`) is ignored.

import path from "node:path";
import { fileURLToPath } from "node:url";

export const PGLITE_PROTOCOL = "file:";
/** URL of a throwaway in-memory PGlite database. */
export const PGLITE_MEMORY_URL = "file::memory:";
/** The project's default PGlite data directory, relative to the repository root. */
export const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * @typedef {{ kind: "postgres", url: string, schema: string }
 *   | { kind: "pglite", url: string, dataDir: string | null, schema: string }} DatabaseTarget
 * `dataDir` is an absolute path, or null for an in-memory PGlite.
 */

/**
 * Classifies a database URL.
 * @param {string} url
 * @param {{ cwd?: string }} [options] base for relative PGlite paths (default: process.cwd()).
 * @returns {DatabaseTarget}
 * @throws {Error} when the URL is neither PostgreSQL nor PGlite.
 */
export function parseDatabaseUrl(url, options = {}) {
  const trimmed = url.trim();
  if (isPgliteUrl(trimmed)) {
    return { kind: "pglite", url: trimmed, dataDir: pgliteDataDir(trimmed, options.cwd), schema: "public" };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    return { kind: "postgres", url: trimmed, schema: postgresSchema(trimmed) };
  }
  throw new Error(
    `Unsupported database URL "${redactUrl(trimmed)}": use postgresql://… for a PostgreSQL server ` +
      `or file:<directory> for the embedded PGlite database.`,
  );
}

/** @param {string} url */
export function isPgliteUrl(url) {
  return url.trim().toLowerCase().startsWith(PGLITE_PROTOCOL);
}

/**
 * @param {string} url a `file:` URL
 * @param {string} [cwd]
 * @returns {string | null}
 */
function pgliteDataDir(url, cwd = process.cwd()) {
  const withoutQuery = url.replace(/[?#].*$/, "");
  if (withoutQuery.toLowerCase() === PGLITE_MEMORY_URL) return null;
  if (/^file:\/\//i.test(withoutQuery)) return fileURLToPath(withoutQuery);
  const rest = withoutQuery.slice(PGLITE_PROTOCOL.length);
  if (rest === "") throw new Error("A file: database URL needs a directory, e.g. file:./.data/pglite");
  return path.resolve(cwd, rest);
}

/**
 * Builds the URL for a PGlite data directory (the path is kept as it is, relative or absolute).
 * @param {string} dataDir
 */
export function pgliteUrl(dataDir) {
  return `${PGLITE_PROTOCOL}${dataDir}`;
}

/**
 * The project's default database URL: PGlite in `<root>/.data/pglite`, as an absolute path.
 * @param {string} root repository root
 */
export function defaultPgliteUrl(root) {
  return pgliteUrl(path.join(root, DEFAULT_PGLITE_DIR));
}

/**
 * The `schema` query parameter of a PostgreSQL URL (Prisma's convention), default "public".
 * @param {string} url
 */
export function postgresSchema(url) {
  try {
    return new URL(url).searchParams.get("schema") || "public";
  } catch {
    return "public";
  }
}

/**
 * Returns the URL with its password replaced, for messages.
 * @param {string} url
 */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * The same PostgreSQL URL pointing at another database of the same server. The database name
 * is put in the URL itself because `pg` lets a connectionString override a `database` field.
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The database name of a PostgreSQL URL (the user name when the path is empty, as libpq does).
 * @param {string} url
 */
export function databaseName(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(parsed.username) || "postgres";
}
