/**
 * `npm run db:seed`: seeds the database DATABASE_URL names (the embedded one by default).
 *
 * What is seeded:
 *  - demo data (regions, the edition, the demo programme and the five demo accounts of the
 *    README) with `--demo` or SEED_DEMO=1, and by default on the embedded database (no DATABASE_URL);
 *  - reference data only (regions, the edition without a programme) with `--reference`, and by
 *    default when DATABASE_URL is set: a configured database never gets demo accounts unasked.
 * With --if-empty it does nothing when the data is already there (used by `npm start`): for the
 * demo, when the demo edition or any programme session exists; otherwise when any edition exists.
 */
import { acquirePgliteLock } from "~/prisma/engine/pglite-lock.mjs";
import { seedDemo, seedReference } from "~/prisma/seed/seed";
import { openDb } from "~/server/db/client";
import { databaseTarget, env } from "~/server/env";

const args = process.argv.slice(2);
const demo = args.includes("--reference") ? false : args.includes("--demo") || env.SEED_DEMO || !env.DATABASE_URL;

const target = databaseTarget();
const release =
  target.kind === "pglite" && target.dataDir
    ? await acquirePgliteLock(target.dataDir, { owner: "db:seed", waitMs: 15_000 })
    : () => {};
try {
  const { db, close } = await openDb(target);
  try {
    const present = demo
      ? (await db.edition.count({ where: { isDemo: true } })) > 0 || (await db.programmeSession.count()) > 0
      : (await db.edition.count()) > 0;
    if (args.includes("--if-empty") && present) {
      console.log(`Seed: the database already has ${demo ? "a programme" : "a forum edition"}; nothing to do.`);
    } else if (demo) {
      const report = await seedDemo(db);
      console.log(
        `Seed: ${report.regions} regions; demo edition ${report.editionCreated ? "created" : "already present"}; ` +
          `${report.sessionsCreated} sessions created${report.sessionsCreated === 0 ? " (programme already present)" : ""}; ` +
          `${report.accountsCreated} demo accounts created.`,
      );
    } else {
      const report = await seedReference(db);
      console.log(
        `Seed: ${report.regions} regions; forum edition ${report.editionCreated ? "created" : "already present"}; ` +
          "no demo accounts (add them with `npm run db:seed -- --demo`).",
      );
    }
  } finally {
    await close();
  }
} finally {
  release();
}
