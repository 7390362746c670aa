/**
 * Readiness of this instance for /api/ready: the database answers within a bound, every
 * migration in prisma/migrations is applied, and the mail worker's loop is alive. Reasons are
 * short and say nothing sensitive (no host, no credentials, no error text of the driver).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "~/server/db/client";
import { mailWorkerHeartbeat } from "~/server/mail/worker";
import { mailWorkerCheck, migrationsCheck, type CheckResult } from "~/server/ops/rules";

const DB_TIMEOUT_MS = 2_000;

let expectedMigrations: string[] | undefined;

function migrationFolders(): string[] {
  expectedMigrations ??= readdirSync(path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"), {
    withFileTypes: true,
  })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return expectedMigrations;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export type Readiness = {
  ready: boolean;
  checks: Record<"database" | "migrations" | "mailWorker" | "instance", CheckResult>;
};

export async function checkReadiness({
  getDb,
  now = Date.now(),
}: {
  getDb: () => Promise<Db>;
  now?: number;
}): Promise<Readiness> {
  let database: CheckResult = { ok: true };
  let migrations: CheckResult = { ok: false, reason: "not checked: database unavailable" };
  try {
    const db = await withTimeout(getDb(), DB_TIMEOUT_MS);
    const rows = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      DB_TIMEOUT_MS,
    );
    migrations = migrationsCheck(
      migrationFolders(),
      rows.map((r) => r.migration_name),
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : "";
    if (text.includes("_prisma_migrations")) {
      // The database answers but was never migrated.
      migrations = { ok: false, reason: "no migrations applied; run npm run db:migrate" };
    } else {
      database = {
        ok: false,
        reason: text === "timeout" ? "database did not answer within 2 s" : "database unreachable",
      };
    }
  }
  const mailWorker = mailWorkerCheck(mailWorkerHeartbeat(), now);
  // scripts/serve.mjs sets this on SIGTERM: the proxy should stop sending here.
  const draining = (globalThis as { __spoDraining?: boolean }).__spoDraining === true;
  const instance: CheckResult = draining ? { ok: false, reason: "shutting down" } : { ok: true };
  return {
    ready: database.ok && migrations.ok && mailWorker.ok && instance.ok,
    checks: { database, migrations, mailWorker, instance },
  };
}
