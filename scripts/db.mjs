#!/usr/bin/env node
/**
 * Database commands: `migrate` (apply prisma/migrations), `seed` (idempotent demo data),
 * `reset` (drop everything, migrate, seed). DATABASE_URL chooses the database; unset is
 * the embedded PGlite directory .data/pglite.
 */
import { log, prisma, tsx } from "./lib.mjs";

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case "migrate":
    log("Applying migrations…");
    await prisma(["migrate", "deploy"]);
    break;
  case "seed":
    await tsx("prisma/seed/main.ts", rest);
    break;
  case "reset":
    log("Resetting the database (all data is dropped)…");
    await prisma(["migrate", "reset", "--force"]);
    await tsx("prisma/seed/main.ts");
    break;
  case "admin-create":
    await tsx("scripts/admin-create.ts", rest);
    break;
  default:
    console.error(
      "Usage: node scripts/db.mjs migrate | seed [--if-empty] | reset | admin-create <email> [--password <p>]",
    );
    process.exit(2);
}
