/**
 * `npm run admin:create -- email@example.ru [--password <password>]`
 * Creates an admin account (or makes an existing account an admin). Without --password a
 * random password is generated and printed once. Stop the server first when the database
 * is the embedded one.
 */
import { acquirePgliteLock } from "~/prisma/engine/pglite-lock.mjs";
import { createAdmin } from "~/server/admin/create-admin";
import { openDb } from "~/server/db/client";
import { databaseTarget } from "~/server/env";

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--password");
const passwordIndex = args.indexOf("--password");
const password = passwordIndex >= 0 ? args[passwordIndex + 1] : process.env.ADMIN_PASSWORD || undefined;

if (!email) {
  console.error("Usage: npm run admin:create -- email@example.ru [--password <password>]");
  process.exit(2);
}

const target = databaseTarget();
const release =
  target.kind === "pglite" && target.dataDir
    ? await acquirePgliteLock(target.dataDir, { owner: "admin:create", waitMs: 15_000 })
    : () => {};
try {
  const { db, close } = await openDb(target);
  try {
    const result = await createAdmin({ db, email, password });
    console.log(result.created ? `Admin ${result.email} created.` : `${result.email} is now an admin.`);
    if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  release();
}
