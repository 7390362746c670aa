/**
 * SIGTERM under load: the instance stops accepting, finishes every request already in flight,
 * stops its mail worker, closes the database and exits 0 in bounded time; the embedded
 * database's lock and data directory stay healthy, so the next start serves at once.
 * On the embedded default always, and on PostgreSQL when the suite has one.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { exited, prepareDatabase, startInstance, waitReady } from "./cluster";

// Long enough for the readiness check below on a busy machine.
const start = (databaseUrl: string, port: number) =>
  startInstance({ port, databaseUrl, env: { SHUTDOWN_GRACE_MS: "10000" } });

async function drainUnderLoad(databaseUrl: string, port: number) {
  const base = `http://localhost:${port}`;
  const server = start(databaseUrl, port);
  await waitReady(base);
  const pages = ["/programme?day=2025-08-25", "/programme?day=2025-08-26", "/speakers", "/sessions/none"];
  const inFlight = Array.from({ length: 40 }, (_, i) =>
    fetch(`${base}${pages[i % pages.length]}`).then(
      async (r) => ({ status: r.status, bytes: (await r.text()).length }),
      (e: unknown) => ({ status: 0, bytes: 0, error: `${String(e)} ${String((e as { cause?: unknown }).cause)}` }),
    ),
  );
  await new Promise((r) => setTimeout(r, 300));
  server.kill("SIGTERM");
  // During the grace period the instance tells the proxy to stop sending.
  await expect
    .poll(async () => (await fetch(`${base}/api/ready`)).text(), { timeout: 8_000, intervals: [100] })
    .toContain("shutting down");
  const results = await Promise.all(inFlight);
  // Every request that was in flight got its whole answer (404 for the unknown session is an answer).
  expect(results.filter((r) => r.status === 0)).toEqual([]);
  expect(results.every((r) => r.status === 200 || r.status === 404)).toBe(true);
  expect(results.every((r) => r.bytes > 500)).toBe(true);
  expect(await exited(server)).toBe(0);
  // A new connection after the stop is refused: the instance no longer accepts.
  await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  return base;
}

test.describe("graceful drain on SIGTERM", () => {
  test.describe.configure({ timeout: 600_000 });

  test("the embedded database: requests in flight finish, the lock is released, the next start serves", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spo-drain-"));
    const url = `file:${path.join(dir, "db")}`;
    try {
      await prepareDatabase(url);
      await drainUnderLoad(url, 3121);
      expect(existsSync(path.join(dir, "db.lock"))).toBe(false);
      const again = start(url, 3121);
      await waitReady("http://localhost:3121");
      const page = await fetch("http://localhost:3121/programme?day=2025-08-25");
      expect(page.status).toBe(200);
      again.kill("SIGTERM");
      expect(await exited(again)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    test("PostgreSQL: requests in flight finish and the instance exits cleanly", async () => {
      const database = `spo_e2e_drain_${randomBytes(4).toString("hex")}`;
      const u = new URL(adminUrl);
      u.pathname = `/${database}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      try {
        await prepareDatabase(u.toString());
        await drainUnderLoad(u.toString(), 3122);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      }
    });
  }
});
