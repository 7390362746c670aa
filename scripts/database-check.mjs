/**
 * Before `npm start` or a database command touches a PostgreSQL database: does it exist?
 * The Prisma CLI (our schema-engine shim) creates a missing database on `migrate deploy`;
 * `npm start` must never do that silently, so it asks first and stops with one line.
 */
import { checkPostgresConnection, createPostgresDatabase } from "../prisma/engine/adapter-pg.mjs";
import { databaseName, parseDatabaseUrl } from "../prisma/engine/database-url.mjs";

/** @param {string} url */
function where(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}`;
}

/**
 * Null when the database DATABASE_URL names can be used as it is (PGlite, or an existing
 * PostgreSQL database); otherwise a one-line explanation.
 * @param {string | undefined} databaseUrl
 * @param {{ create?: boolean }} [options] create a missing PostgreSQL database (explicit flag).
 * @returns {Promise<string | null>}
 */
export async function databaseProblem(databaseUrl, options = {}) {
  if (!databaseUrl || parseDatabaseUrl(databaseUrl).kind !== "postgres") return null;
  const name = databaseName(databaseUrl);
  try {
    await checkPostgresConnection(databaseUrl);
    return null;
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    if (code === "3D000") {
      if (options.create) {
        await createPostgresDatabase(databaseUrl);
        return null;
      }
      return (
        `Database error: database "${name}" does not exist on ${where(databaseUrl)}; ` +
        `create it with \`createdb -h ${new URL(databaseUrl).hostname} ${name}\` ` +
        `(or run \`npm run db:migrate -- --create-database\`), or check DATABASE_URL.`
      );
    }
    const reason = code === "28P01" || code === "28000" ? "authentication failed" : (code ?? "unreachable");
    return `Database error: cannot connect to ${where(databaseUrl)} (${reason}); check DATABASE_URL.`;
  }
}
