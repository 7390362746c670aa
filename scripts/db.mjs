#!/usr/bin/env node
/**
 * Database commands: `migrate` (apply prisma/migrations), `seed` (idempotent; demo data on the
 * embedded database or with --demo / SEED_DEMO=1, reference data only on a configured one),
 * `reset` (drop everything, migrate, seed). DATABASE_URL chooses the database; unset is the
 * embedded PGlite directory .data/pglite. A missing PostgreSQL database is an error unless
 * `--create-database` is given to `migrate` or `reset`.
 */
import { configErrorLine, databaseUrlProblem } from "./config.mjs";
import { databaseProblem } from "./database-check.mjs";
import { fail, log, prisma, tsx } from "./lib.mjs";

const [command, ...rest] = process.argv.slice(2);
const createDatabase = rest.includes("--create-database");
const seedArgs = rest.filter((a) => a !== "--create-database");

async function checkDatabase() {
  // Only the database's form matters here; the app's secrets are checked by `npm start`.
  const problem = databaseUrlProblem(process.env.DATABASE_URL?.trim() || undefined);
  if (problem) fail(configErrorLine(problem));
  const missing = await databaseProblem(process.env.DATABASE_URL?.trim(), { create: createDatabase });
  if (missing) fail(missing);
}

switch (command) {
  case "migrate":
    await checkDatabase();
    log("Applying migrations…");
    await prisma(["migrate", "deploy"]);
    break;
  case "seed":
    await checkDatabase();
    await tsx("prisma/seed/main.ts", seedArgs);
    break;
  case "reset":
    await checkDatabase();
    log("Resetting the database (all data is dropped)…");
    await prisma(["migrate", "reset", "--force"]);
    await tsx("prisma/seed/main.ts", seedArgs);
    break;
  case "admin-create":
    await tsx("scripts/admin-create.ts", rest);
    break;
  default:
    console.error(
      "Usage: node scripts/db.mjs migrate [--create-database] | seed [--if-empty] [--demo | --reference] | " +
        "reset [--create-database] [--demo | --reference] | admin-create <email> [--password <p>]",
    );
    process.exit(2);
}
