// `<bin> --datasource '<json>' cli <command>`: one-shot commands the CLI runs before it starts
// the JSON-RPC engine (`migrate dev`, `migrate deploy`: can-connect, then create-database when
// the database is missing). Exit 0 is success. On failure the CLI drops the first stderr line,
// parses the others as JSON and looks for {level: "ERROR", target: "schema_engine::logger",
// fields: {error_code, message}}: P1001 unreachable, P1003 missing, P1000 authentication.

import { checkPostgresConnection, createPostgresDatabase, dropPostgresDatabase } from "./adapter-pg.mjs";
import { createPgliteDatabase, dropPgliteDatabase, pgliteDatabaseExists } from "./adapter-pglite.mjs";
import { parseDatabaseUrl } from "./database-url.mjs";
import { CLI_ERROR_TARGET, log } from "./log.mjs";

/**
 * @typedef {{ code?: string, message: string }} CliFailure
 */

/**
 * Runs a `cli` subcommand and returns the process exit code.
 * @param {string} command
 * @param {{ url?: string } | null} datasource
 * @param {{ cwd: string }} options
 * @returns {Promise<number>}
 */
export async function runCliCommand(command, datasource, { cwd }) {
  log("INFO", `Starting schema engine CLI command ${command}`); // the CLI skips this first line
  try {
    if (!datasource?.url) throw new Error("The `cli` commands need --datasource with a url.");
    const target = parseDatabaseUrl(datasource.url, { cwd });
    const outcome = await run(command, target);
    if (outcome) {
      log("ERROR", outcome.message, { target: CLI_ERROR_TARGET, fields: errorFields(outcome) });
      return 1;
    }
    return 0;
  } catch (error) {
    const failure = describePgError(error, datasource?.url);
    log("ERROR", failure.message, { target: CLI_ERROR_TARGET, fields: errorFields(failure) });
    return 1;
  }
}

/**
 * @param {string} command
 * @param {import("./database-url.mjs").DatabaseTarget} target
 * @returns {Promise<CliFailure | null>}
 */
async function run(command, target) {
  switch (command) {
    case "can-connect-to-database":
      if (target.kind === "postgres") {
        await checkPostgresConnection(target.url);
        return null;
      }
      if (target.dataDir === null || pgliteDatabaseExists(target.dataDir)) return null;
      return { code: "P1003", message: `Database \`${target.dataDir}\` does not exist` };
    case "create-database":
      if (target.kind === "postgres") await createPostgresDatabase(target.url);
      else if (target.dataDir) await createPgliteDatabase(target.dataDir);
      return null;
    case "drop-database":
      if (target.kind === "postgres") await dropPostgresDatabase(target.url);
      else if (target.dataDir) await dropPgliteDatabase(target.dataDir);
      return null;
    default:
      return { message: `Unknown cli command: ${command}` };
  }
}

/** @param {CliFailure} failure */
function errorFields(failure) {
  return failure.code ? { error_code: failure.code } : {};
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
]);

/**
 * Maps a connection error to the native engine's user-facing error.
 * @param {any} error
 * @param {string | undefined} url
 * @returns {CliFailure}
 */
export function describePgError(error, url) {
  const { host, port, user, database } = urlParts(url);
  const code = String(error?.code ?? "");
  if (UNREACHABLE.has(code) || /timeout/i.test(String(error?.message))) {
    return {
      code: "P1001",
      message: `Can't reach database server at \`${host}:${port}\`\n\nPlease make sure your database server is running at \`${host}:${port}\`.`,
    };
  }
  if (code === "3D000") {
    return {
      code: "P1003",
      message: `Database \`${database}\` does not exist on the database server at \`${host}:${port}\`.`,
    };
  }
  if (code === "28P01" || code === "28000") {
    return {
      code: "P1000",
      message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
    };
  }
  if (code === "42P04") {
    return {
      code: "P1009",
      message: `Database \`${database}\` already exists on the database server at \`${host}:${port}\``,
    };
  }
  return { message: String(error?.message ?? error) };
}

/** @param {string | undefined} url */
function urlParts(url) {
  try {
    const parsed = new URL(url ?? "");
    return {
      host: parsed.hostname || "localhost",
      port: parsed.port || "5432",
      user: decodeURIComponent(parsed.username) || "postgres",
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    };
  } catch {
    return { host: "localhost", port: "5432", user: "postgres", database: "postgres" };
  }
}
