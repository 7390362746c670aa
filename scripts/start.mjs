#!/usr/bin/env node
/**
 * `npm start`: check the configuration, migrate, seed if empty, build if the sources changed,
 * then serve on http://localhost:$PORT (3000). `--dev` serves with `next dev` instead of building.
 * DATABASE_URL chooses the database; unset is the embedded PGlite directory .data/pglite.
 *
 * Zero-setup (no DATABASE_URL): the embedded database gets the demo programme and demo accounts.
 * A configured database (DATABASE_URL set) must already exist, and gets reference data only
 * (regions, the forum edition) unless SEED_DEMO=1 asks for the demo data too.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "./build.mjs";
import { configErrorLine, configProblem, isTrue, webConcurrency } from "./config.mjs";
import { databaseProblem } from "./database-check.mjs";
import { log, prisma, root, tsx, fail } from "./lib.mjs";
import { nodeVersionProblem, requiredNodeRange } from "./node-version.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

const nodeProblem = nodeVersionProblem(process.versions.node, requiredNodeRange());
if (nodeProblem) fail(nodeProblem);

function serve() {
  const host = process.env.HOST?.trim() || "127.0.0.1";
  log(
    `Serving on http://localhost:${port}${host === "127.0.0.1" ? " (this machine only; set HOST=0.0.0.0 to listen on the network)" : ""}`,
  );
  // scripts/serve.mjs: Next behind our request guard; it drains and closes the database on SIGTERM.
  // WEB_CONCURRENCY > 1 on PostgreSQL: scripts/cluster.mjs forks that many copies of serve.mjs.
  const processes = dev ? 1 : (webConcurrency(process.env, os.availableParallelism()) ?? 1);
  if (process.env.WEB_CONCURRENCY && processes === 1 && !process.env.DATABASE_URL?.trim().startsWith("postgres")) {
    log("WEB_CONCURRENCY is ignored on the embedded database: it allows one server process.");
  }
  const entry =
    processes > 1
      ? [path.join(root, "scripts", "cluster.mjs"), String(processes)]
      : [path.join(root, "scripts", "serve.mjs"), ...(dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      PORT: port,
      HOST: host,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/**
 * Sessions are signed with AUTH_SECRET. For the zero-setup start one is generated once and
 * kept in .data/auth-secret (git-ignored); production sets AUTH_SECRET in the environment.
 */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log("Generated a session secret in .data/auth-secret (set AUTH_SECRET in production).");
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

/**
 * The zero-setup start (embedded database, no SMTP server) keeps mail in the outbox; the
 * development mail viewer is switched on so that a newcomer can follow a confirmation link.
 * A deployment (DATABASE_URL or SMTP_URL set) never gets it unless DEV_MAIL_VIEWER is set.
 */
function mailViewerForZeroSetup() {
  if (process.env.DATABASE_URL || process.env.SMTP_URL || process.env.DEV_MAIL_VIEWER !== undefined) return;
  process.env.DEV_MAIL_VIEWER = "1";
  log(`No SMTP_URL: mail is not sent. Read it at http://localhost:${port}/dev/mail`);
}

// Nothing is written (no secret, no migration, no seed) before the configuration is checked.
const problem = configProblem(process.env);
if (problem) fail(configErrorLine(problem));
const configured = Boolean(process.env.DATABASE_URL?.trim());
const demo = !configured || isTrue(process.env.SEED_DEMO);

try {
  const missing = await databaseProblem(process.env.DATABASE_URL?.trim());
  if (missing) fail(missing);
  ensureAuthSecret();
  mailViewerForZeroSetup();
  log(configured ? "Database: DATABASE_URL" : "Database: embedded PGlite in .data/pglite");
  log("Applying migrations…");
  await prisma(["migrate", "deploy"]);
  if (demo) {
    log("Seeding demo data (programme and demo accounts) if the database has none…");
    await tsx("prisma/seed/main.ts", ["--if-empty", "--demo"]);
  } else {
    log("Seeding reference data (regions, the forum edition) if missing; no demo accounts (SEED_DEMO=1 adds them)…");
    await tsx("prisma/seed/main.ts", ["--if-empty", "--reference"]);
  }
  if (process.env.ADMIN_EMAIL) await tsx("scripts/admin-create.ts", [process.env.ADMIN_EMAIL]);
  if (!dev) await buildIfNeeded();
  serve();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
