/**
 * Fault drill (not part of the test suite: it stops a PostgreSQL server). Two production instances
 * on one PostgreSQL; then: the database stops (readiness, recovery), the database is killed in the
 * middle of a booking rush (nothing confirmed may be lost), the SMTP server refuses for a while
 * (every mail delivered once after). Prints one line per fault.
 *
 *   npx tsx bench/faults.ts --cluster 15/faults --port 5433
 *
 * Use a PostgreSQL cluster of its own (`pg_createcluster 15 faults -p 5433 --start`): it is stopped
 * and killed during the run.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startSmtpSink } from "~/server/mail/testing/smtp-sink";
import {
  createFixture,
  exited,
  prepareDatabase,
  signIn,
  startInstance,
  trpc,
  waitReady,
  withDatabase,
} from "~/e2e/ops/cluster";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const [version, cluster] = arg("cluster", "15/faults").split("/");
const pgPort = Number(arg("port", "5433"));
const admin = `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
const ctl = (action: "start" | "stop", ...extra: string[]) =>
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version!, cluster!, action, ...extra], { stdio: "pipe" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ports = [3141, 3142];
const bases = ports.map((p) => `http://localhost:${p}`);
const rows: string[] = [];
const report = (fault: string, lost: string, recovery: string) => {
  rows.push(`| ${fault} | ${lost} | ${recovery} |`);
  console.log(`FAULT ${fault}: lost ${lost}; recovery ${recovery}`);
};

async function readyStatus(base: string) {
  return fetch(`${base}/api/ready`).then(
    async (r) => ({ status: r.status, body: await r.text() }),
    () => ({ status: 0, body: "" }),
  );
}

const database = `spo_faults_${randomBytes(3).toString("hex")}`;
const url = withDatabase(admin, database);
const setup = new pg.Client({ connectionString: admin });
await setup.connect();
await setup.query(`CREATE DATABASE "${database}"`);
await setup.end();
await prepareDatabase(url);
const fixture = await createFixture(url, 40);
const sink = await startSmtpSink();
const servers: ChildProcess[] = ports.map((port) =>
  startInstance({ port, databaseUrl: url, env: { APP_URL: bases[0]!, SMTP_URL: `smtp://127.0.0.1:${sink.port}` } }),
);
await Promise.all(bases.map((b) => waitReady(b)));

try {
  // 1. The database stops: readiness says so, and comes back by itself.
  ctl("stop", "-m", "fast");
  let down = await readyStatus(bases[0]!);
  for (let i = 0; i < 40 && down.status !== 503; i += 1) {
    await sleep(250);
    down = await readyStatus(bases[0]!);
  }
  console.log(`/api/ready while PostgreSQL is stopped: ${down.status} ${down.body}`);
  ctl("start");
  const upAt = Date.now();
  for (const base of bases) await waitReady(base, 400);
  const up = await readyStatus(bases[1]!);
  console.log(`/api/ready after PostgreSQL is back: ${up.status} ${up.body} (${Date.now() - upAt} ms after start)`);
  report("PostgreSQL stopped", "nothing (503 with reason while down)", `${Date.now() - upAt} ms to 200 on both`);

  // 2. The database is killed in the middle of a booking rush; clients retry as a browser user would.
  const people = await Promise.all(
    fixture.people.map(async (p, i) => ({ ...p, cookie: (await signIn(bases[i % 2]!, p.email, p.password)).cookie! })),
  );
  const told = new Map<string, string>();
  let firstAfterRestart = 0;
  let restartedAt = 0;
  const rush = people.map(async (p, i) => {
    for (let attempt = 0; attempt < 120; attempt += 1) {
      try {
        const r = (await trpc(
          bases[i % 2]!,
          p.cookie,
          "booking.book",
          { sessionId: fixture.sessionId, waitlistIfFull: true },
          "POST",
        )) as {
          outcome: string;
        };
        told.set(p.email, r.outcome);
        if (restartedAt && !firstAfterRestart) firstAfterRestart = Date.now();
        return;
      } catch {
        await sleep(500);
      }
    }
  });
  await sleep(150);
  ctl("stop", "-m", "immediate");
  await sleep(2_000);
  ctl("start");
  restartedAt = Date.now();
  await Promise.all(rush);
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const booked = await check.query<{ email: string }>(
    `SELECT u.email FROM "Booking" b JOIN "User" u ON u.id = b."userId" WHERE b."sessionId" = $1`,
    [fixture.sessionId],
  );
  const counter = await check.query<{ bookedCount: number; capacity: number }>(
    `SELECT "bookedCount", capacity FROM "ProgrammeSession" WHERE id = $1`,
    [fixture.sessionId],
  );
  const inDb = new Set(booked.rows.map((r) => r.email));
  const toldBooked = [...told].filter(([, o]) => o === "BOOKED").map(([e]) => e);
  const lost = toldBooked.filter((e) => !inDb.has(e));
  console.log(
    `rush: ${toldBooked.length} told BOOKED, ${inDb.size} seats in the database, counter ${counter.rows[0]!.bookedCount}/${counter.rows[0]!.capacity}, ${lost.length} lost`,
  );
  report(
    "PostgreSQL killed (-m immediate) mid-rush, up 2 s later",
    `${lost.length} confirmed bookings; counter ${counter.rows[0]!.bookedCount} = ${inDb.size} rows ≤ ${counter.rows[0]!.capacity}`,
    `${firstAfterRestart ? firstAfterRestart - restartedAt : 0} ms from restart to the first booking answered`,
  );

  // 3. The SMTP server refuses for a while: cancellations and promotions are mailed once after.
  await sleep(15_000); // let the rush's confirmations go out first
  sink.failing = true;
  const before = sink.received.length;
  const cancellers = people.filter((p) => told.get(p.email) === "BOOKED").slice(0, 5);
  for (const [i, p] of cancellers.entries()) {
    await trpc(bases[i % 2]!, p.cookie, "booking.cancel", { sessionId: fixture.sessionId }, "POST");
  }
  const expected = await check.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status = 'PENDING'`,
  );
  await sleep(10_000);
  sink.failing = false;
  const healedAt = Date.now();
  let pending = expected.rows[0]!.n;
  while (pending > 0 && Date.now() - healedAt < 240_000) {
    await sleep(1_000);
    pending = (
      await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status = 'PENDING'`)
    ).rows[0]!.n;
  }
  const ids = sink.received.map((m) => /X-Outbox-Id: (\S+)/i.exec(m.raw)?.[1]).filter(Boolean);
  const duplicates = ids.length - new Set(ids).size;
  console.log(
    `smtp: ${expected.rows[0]!.n} messages queued during the outage, ${sink.received.length - before} delivered after, ${pending} still pending, ${duplicates} duplicates over the whole run`,
  );
  report(
    "SMTP refusing (450) for 10 s",
    `${pending} messages; ${duplicates} duplicates in the whole run`,
    `${Date.now() - healedAt} ms after the server healed (first retry is due after 1 min)`,
  );
  await check.end();
} finally {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map(exited));
  await sink.close();
  const drop = new pg.Client({ connectionString: admin });
  await drop.connect();
  await drop.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await drop.end();
}

console.log("\n| fault | lost | recovery |\n| --- | --- | --- |\n" + rows.join("\n"));
