/**
 * `npm run db:seed`: seeds the database DATABASE_URL names (the embedded one by default).
 * With --if-empty it does nothing when any forum edition exists (used by `npm start`).
 */
import { acquirePgliteLock } from "~/prisma/engine/pglite-lock.mjs";
import { seedDemo } from "~/prisma/seed/seed";
import { openDb } from "~/server/db/client";
import { databaseTarget } from "~/server/env";

const target = databaseTarget();
const release =
  target.kind === "pglite" && target.dataDir
    ? await acquirePgliteLock(target.dataDir, { owner: "db:seed", waitMs: 15_000 })
    : () => {};
try {
  const { db, close } = await openDb(target);
  try {
    if (process.argv.includes("--if-empty") && (await db.edition.count()) > 0) {
      console.log("Seed: the database already has a forum edition; nothing to do.");
    } else {
      const report = await seedDemo(db);
      console.log(
        `Seed: ${report.regions} regions; demo edition ${report.editionCreated ? "created" : "already present"}; ` +
          `${report.sessionsCreated} sessions created${report.sessionsCreated === 0 ? " (programme already present)" : ""}; ` +
          `${report.accountsCreated} demo accounts created.`,
      );
    }
  } finally {
    await close();
  }
} finally {
  release();
}
