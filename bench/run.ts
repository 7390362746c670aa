/**
 * `npm run bench` (`-- --quick`: one short round; `-- --keep`: keep the databases and logs;
 * `-- --port N`: ports N, N+1, N+2 instead of 3201–3203; `-- --only lighthouse`: only the Lighthouse
 * scores, on one 1× server): the app
 * measured black-box over HTTP, as whatever it is when this runs. On the embedded database by
 * default, on PostgreSQL with TEST_DATABASE_URL (fresh databases on that server, dropped after).
 *
 * It builds its own data (1× = the demo programme, 10× = about 1,000 sessions), starts two
 * production servers as `npm start` does (1× and 10×), and runs rounds, each interleaving the app
 * (A) with its baseline (B): bookings over HTTP at 16 clients / pgbench's same transaction, 200
 * clients, a 500-client race for 20 seats, req/s of the guest pages / a bare node:http server
 * sending the same bytes, and the cost of a programme day at 1× / 10×. Then page weights,
 * memory, Lighthouse scores of the public pages (bench/lib/lighthouse.ts), the SQL invariants, a summary (min / median / max over rounds) and one
 * `RATIO <name> <value> <target> ok|short` line per target. It asserts nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildData, FIXTURE, httpBookingTarget, httpCookies, raceSessionId, withDb } from "~/bench/lib/data";
import { checkInvariants } from "~/bench/lib/invariants";
import { bookingLoad, outcomeText, pageLoad, race } from "~/bench/lib/load";
import { lighthouseLines, runLighthouse } from "~/bench/lib/lighthouse";
import { getRaw, pageWeight, startBareServer, type RawPage } from "~/bench/lib/pages";
import { pgbenchVersion, runPgbench } from "~/bench/lib/pgbench";
import { sampleRss, treeCpuMs, treeRssMiB } from "~/bench/lib/proc";
import { countStatements } from "~/bench/lib/statements";
import { printSummary, type Weights } from "~/bench/lib/report";
import { cookieWorks, sessionCookie, startServer, type Server } from "~/bench/lib/server";
import { buildApp, commitLine, createDatabases, machineLine } from "~/bench/lib/setup";
import { Figures, fmt } from "~/bench/lib/stats";

const quick = process.argv.includes("--quick");
const keep = process.argv.includes("--keep");
const cfg = quick
  ? { rounds: 1, bookSecs: 3, pageSecs: 2, costSecs: 2 }
  : { rounds: 3, bookSecs: 6, pageSecs: 5, costSecs: 4 };
const onlyArg = process.argv.indexOf("--only");
const only = onlyArg >= 0 ? process.argv[onlyArg + 1] : null;
if (only !== null && only !== "lighthouse") throw new Error(`--only ${only}: only "lighthouse" can run alone`);
/** The public pages Lighthouse scores (label, path). */
const lighthousePages = (sessionPageId: string): [string, string][] => [
  ["/", "/"],
  ["/programme", "/programme"],
  ["/sessions", `/sessions/${sessionPageId}`],
  ["/speakers", "/speakers"],
];
const portArg = process.argv.indexOf("--port");
const firstPort = portArg >= 0 ? Number(process.argv[portArg + 1]) : 3201;
const PORTS = { one: firstPort, ten: firstPort + 1, bare: firstPort + 2 };
const DAY = "/programme?day=2025-08-27";
const ORGANISER_LIST = "/organiser/programme/sessions";
/** Enough to keep the server's cores busy; more only queues (and skews a short run). */
const PAGE_CONNECTIONS = 8;

const t0 = performance.now();
const say = (line: string) => console.log(line);
const step = (line: string) => say(`\n== ${line} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

const tmp = mkdtempSync(path.join(os.tmpdir(), "spo-bench-"));
const dbs = await createDatabases(tmp);
const pgbench = dbs.kind === "postgresql" ? pgbenchVersion() : null;
say(`spo-forum bench, ${new Date().toISOString()}${quick ? " (--quick: 1 short round)" : ""}`);
say(`machine: ${machineLine()}`);
say(`code: ${commitLine()}; database: ${dbs.version}; WEB_CONCURRENCY=${process.env.WEB_CONCURRENCY ?? "(unset)"}`);
say(
  `pgbench: ${
    pgbench ??
    (dbs.kind === "embedded"
      ? "not applicable (the embedded database has no server to connect to)"
      : "not installed (apt-get install postgresql-client); its ratio is skipped")
  }`,
);

const servers: Server[] = [];
let bare: { base: string; stop: () => Promise<void> } | null = null;
const figures = new Figures();
const alive = () => servers.forEach((s) => s.check());
let exitCode = 0;
if (only === "lighthouse") {
  try {
    step("data: migrations, demo seed");
    const one = await buildData({ url: dbs.one, scale: 1, rounds: 1 });
    step("build (scripts/build.mjs) and start the server (scripts/start.mjs)");
    await buildApp(path.join(tmp, "build.log"));
    const app = await startServer({ port: PORTS.one, databaseUrl: dbs.one, logFile: path.join(tmp, "server-1x.log") });
    servers.push(app);
    for (const p of ["/", "/programme", "/speakers"]) await getRaw(`${app.base}${p}`);
    step("lighthouse, mobile and desktop");
    for (const line of lighthouseLines(await runLighthouse(app.base, lighthousePages(one.sessionPageId)))) say(line);
  } catch (error) {
    exitCode = 1;
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    for (const s of servers) await s.stop();
    if (!keep)
      await dbs.drop().catch((e: unknown) => console.error(`could not drop the bench databases: ${String(e)}`));
    if (exitCode === 0 && !keep) rmSync(tmp, { recursive: true, force: true });
    else say(`kept: ${tmp}`);
  }
  say(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  process.exit(exitCode);
}
try {
  step("data: migrations, demo seed, 10× programme, bench edition");
  const [one, ten] = await Promise.all([
    buildData({ url: dbs.one, scale: 1, rounds: cfg.rounds }),
    buildData({ url: dbs.ten, scale: 10, rounds: cfg.rounds }),
  ]);
  say(`programme sessions: 1× ${one.programmeSessions}, 10× ${ten.programmeSessions}`);
  say(
    `bench edition: ${FIXTURE.httpPeople} participants × ${FIXTURE.httpSessions} sessions for HTTP, the same for pgbench`,
  );

  if (dbs.kind === "postgresql") {
    const n = await countStatements();
    say(
      "SQL statements per call, BEGIN and COMMIT included (round trips): " +
        (
          [
            ["book", n.book],
            ["join the waitlist", n.waitlist],
            ["cancel with a promotion", n.cancelWithPromotion],
            ["cancel", n.cancel],
          ] as const
        )
          .map(([label, c]) => `${label} ${c.statements} (${c.roundTrips})`)
          .join(", "),
    );
  }

  step("build (scripts/build.mjs) and start the servers (scripts/start.mjs)");
  await buildApp(path.join(tmp, "build.log"));
  const startOne = () =>
    startServer({ port: PORTS.one, databaseUrl: dbs.one, logFile: path.join(tmp, "server-1x.log") });
  const started = await Promise.all([
    startOne(),
    startServer({ port: PORTS.ten, databaseUrl: dbs.ten, logFile: path.join(tmp, "server-10x.log") }),
  ]);
  let app = started[0];
  const app10 = started[1];
  servers.push(app, app10);

  const cookies = await httpCookies();
  const signed1 = await sessionCookie(one.signedIn.id, one.signedIn.sessionVersion);
  const signed10 = await sessionCookie(ten.signedIn.id, ten.signedIn.sessionVersion);
  const organiser1 = await sessionCookie(one.organiser.id, one.organiser.sessionVersion);
  const organiser10 = await sessionCookie(ten.organiser.id, ten.organiser.sessionVersion);
  for (const [base, cookie, p] of [
    [app.base, cookies[0]!, null],
    [app.base, signed1, null],
    [app10.base, signed10, null],
    [app.base, organiser1, ORGANISER_LIST],
    [app10.base, organiser10, ORGANISER_LIST],
  ] as const) {
    const path = p ?? "/my";
    if (!(await cookieWorks(base, cookie, path)))
      throw new Error(`a minted session cookie is refused by ${base}${path}`);
  }
  say(`minted session cookies sign in (/my and ${ORGANISER_LIST} answer 200)`);

  const sessionPage = `/sessions/${one.sessionPageId}`;
  const paths = ["/programme", DAY, sessionPage, "/programme.ics"];
  const shown = (p: string) => (p === sessionPage ? "/sessions/<id>" : p);
  say(`session page: ${sessionPage}`);
  const recorded = new Map<string, RawPage>();
  for (const p of paths) {
    for (let i = 0; i < 3; i += 1) await getRaw(`${app.base}${p}`);
    const page = await getRaw(`${app.base}${p}`);
    if (page.status !== 200) throw new Error(`${p}: HTTP ${page.status}`);
    recorded.set(p, page);
  }
  bare = await startBareServer(recorded, PORTS.bare, path.join(tmp, "pages.json"));

  const weights: Weights = [];
  for (const [label, p, headers] of [
    ["guest /programme", "/programme", {}],
    [`guest ${DAY}`, DAY, {}],
    ["guest /sessions/<id>", `/sessions/${one.sessionPageId}`, {}],
    ["signed in /programme", "/programme", { cookie: signed1 }],
    [`signed in ${DAY}`, DAY, { cookie: signed1 }],
    ["signed in /my", "/my", { cookie: signed1 }],
  ] as const) {
    weights.push({ label, ...(await pageWeight(app.base, p, headers)) });
  }
  const icsBytes = recorded.get("/programme.ics")!.body.length;
  step("lighthouse, mobile and desktop (idle 1× server)");
  const lighthouse = lighthouseLines(await runLighthouse(app.base, lighthousePages(one.sessionPageId)));

  const target = httpBookingTarget(app, cookies);
  const warm = await bookingLoad(target, 4, 1);
  say(`booking warm-up: ${outcomeText(warm.outcomes)}`);
  if (!warm.outcomes.BOOKED) throw new Error("booking.book over HTTP books nothing: see the answers above");
  for (const p of paths) await pageLoad({ base: app.base, path: p, connections: 4, seconds: 1 });
  await pageLoad({ base: app10.base, path: DAY, connections: 4, seconds: 1 });
  await new Promise((r) => setTimeout(r, 2000));
  const idle = treeRssMiB(app.pid);
  figures.add("server RSS idle (1×, once, after warm-up)", "MiB", idle);

  for (let round = 0; round < cfg.rounds; round += 1) {
    step(`round ${round + 1} of ${cfg.rounds}`);
    const rss = sampleRss(app.pid);

    const b16 = await bookingLoad(target, 16, cfg.bookSecs);
    alive();
    figures.add("booking HTTP 16 clients", "bookings/s", b16.rps);
    figures.add("booking HTTP 16 clients p50", "ms", b16.p50);
    figures.add("booking HTTP 16 clients p99", "ms", b16.p99);
    say(
      `A booking HTTP 16 clients: ${fmt(b16.rps)} bookings/s, p50 ${b16.p50} ms, p99 ${b16.p99} ms; ${outcomeText(b16.outcomes)}; ${b16.errors} errors; ${b16.unanswered} unanswered when the time was up`,
    );
    if (pgbench) {
      const pgb = await runPgbench({ url: dbs.one, clients: 16, seconds: cfg.bookSecs, dir: tmp, tag: `r${round}` });
      figures.add("booking pgbench 16 clients", "tx/s", pgb.tps);
      figures.add("booking pgbench 16 clients p50", "ms", pgb.p50);
      figures.add("booking pgbench 16 clients p99", "ms", pgb.p99);
      figures.add("ratio booking HTTP / pgbench (16)", "", b16.rps / pgb.tps);
      say(
        `B booking pgbench 16 clients: ${fmt(pgb.tps)} tx/s, p50 ${fmt(pgb.p50)} ms, p99 ${fmt(pgb.p99)} ms; ${pgb.transactions} transactions, ${pgb.failed} failed`,
      );
      for (const line of pgb.aborts) say(`  pgbench: ${line}`);
    }
    // 200 clients queue for seconds: a longer run, so that the queue's start weighs less.
    const b200 = await bookingLoad(target, 200, 2 * cfg.bookSecs);
    alive();
    figures.add("booking HTTP 200 clients", "bookings/s", b200.rps);
    figures.add("booking HTTP 200 clients p50", "ms", b200.p50);
    figures.add("booking HTTP 200 clients p99", "ms", b200.p99);
    say(
      `A booking HTTP 200 clients: ${fmt(b200.rps)} bookings/s, p50 ${b200.p50} ms, p99 ${b200.p99} ms; ${outcomeText(b200.outcomes)}; ${b200.errors} errors; ${b200.unanswered} unanswered when the time was up`,
    );
    // Each client sends its next booking when the last is answered: the mean wait is fixed by the rate.
    say(
      `  closed loop: 200 clients at ${fmt(b200.rps)} bookings/s wait ${fmt((200 * 1000) / b200.rps)} ms on average (Little's law); a p99 of 250 ms needs more than ${fmt((200 * 1000) / 250)} bookings/s`,
    );

    const r = await race({
      base: app.base,
      origin: app.origin,
      cookies: cookies.slice(0, FIXTURE.racers),
      sessionId: raceSessionId(round),
    });
    alive();
    figures.add(`race ${FIXTURE.racers} clients for ${FIXTURE.raceSeats} seats, time to settle`, "ms", r.settleMs);
    say(
      `race ${FIXTURE.racers} clients for ${FIXTURE.raceSeats} seats: settled in ${fmt(r.settleMs)} ms; ${outcomeText(r.outcomes)}`,
    );

    for (const p of paths) {
      const a = await pageLoad({ base: app.base, path: p, connections: PAGE_CONNECTIONS, seconds: cfg.pageSecs });
      const b = await pageLoad({ base: bare.base, path: p, connections: PAGE_CONNECTIONS, seconds: cfg.pageSecs });
      alive();
      figures.add(`guest ${shown(p)} app`, "req/s", a.rps);
      figures.add(`guest ${shown(p)} bare node:http`, "req/s", b.rps);
      figures.add(`ratio guest ${shown(p)} app / bare`, "", a.rps / b.rps);
      say(
        `A/B guest ${shown(p)}: app ${fmt(a.rps)} req/s (p99 ${a.p99} ms, ${a.errors} errors), bare ${fmt(b.rps)} req/s`,
      );
    }

    // Cost at 1× and 10× data, one client: the guest and signed-in programme day, /my and the
    // organiser's session list (both must stay flat: indexes and pagination).
    for (const [label, path, cookie1, cookie10] of [
      ["guest", DAY, null, null],
      ["signed in", DAY, signed1, signed10],
      ["signed in", "/my", signed1, signed10],
      ["organiser", ORGANISER_LIST, organiser1, organiser10],
    ] as const) {
      const cost = async (server: Server, cookie: string | null) => {
        // A window with no answer at all (a cold render slower than the window on a busy machine)
        // measures nothing: it is measured again, and a second empty window fails the step.
        for (let attempt = 1; ; attempt += 1) {
          const cpu = treeCpuMs(server.pid);
          const res = await pageLoad({
            base: server.base,
            path,
            connections: 1,
            seconds: cfg.costSecs,
            headers: cookie ? { cookie } : undefined,
          });
          if (res.errors > 0) throw new Error(`${label} ${path}: ${res.errors} answers were not 2xx`);
          if (res.requests > 0) return { ms: res.meanMs, cpu: (treeCpuMs(server.pid) - cpu) / res.requests };
          if (attempt === 2) throw new Error(`${label} ${path}: no answer in two windows of ${cfg.costSecs} s`);
        }
      };
      const c1 = await cost(app, cookie1);
      const c10 = await cost(app10, cookie10);
      alive();
      figures.add(`cost ${label} ${path} 1×`, "ms/request", c1.ms);
      figures.add(`cost ${label} ${path} 10×`, "ms/request", c10.ms);
      figures.add(`ratio cost ${label} ${path} 10× / 1×`, "", c10.ms / c1.ms);
      say(
        `A/B cost ${label} ${path} (1 client): 1× ${fmt(c1.ms)} ms/request (server CPU ${fmt(c1.cpu)} ms), 10× ${fmt(c10.ms)} ms/request (server CPU ${fmt(c10.cpu)} ms)`,
      );
    }
    alive();
    const peak = rss.stop();
    figures.add("server RSS under load (1×, peak of the round)", "MiB", peak);
    say(`server RSS (1×, sum over its process tree): idle ${fmt(idle)} MiB, peak under load ${fmt(peak)} MiB`);

    // The booking invariants after every round. PostgreSQL is read beside the running server; an
    // embedded database may be opened by one process only, so its server stops for the check.
    if (round < cfg.rounds - 1) {
      if (dbs.kind === "embedded") {
        await app.stop();
        servers.splice(servers.indexOf(app), 1);
      }
      const check = await withDb(dbs.one, (db) => checkInvariants(db, round + 1));
      for (const line of check.lines.filter((l) => l.startsWith("INVARIANT"))) say(`round ${round + 1}: ${line}`);
      if (check.violations > 0) exitCode = 1;
      if (dbs.kind === "embedded") {
        app = await startOne();
        servers.push(app);
        target.base = app.base;
      }
    }
  }

  step("stop the servers, SQL invariants");
  await bare.stop();
  bare = null;
  for (const s of servers.splice(0)) await s.stop();
  const inv = await withDb(dbs.one, (db) => checkInvariants(db, cfg.rounds));
  for (const line of inv.lines) say(line);
  if (inv.violations > 0) exitCode = 1;

  step("summary");
  printSummary({
    figures,
    weights,
    icsBytes,
    pgbench: Boolean(pgbench),
    paths: paths.map(shown),
    day: DAY,
    organiserList: ORGANISER_LIST,
    say,
  });
  for (const line of lighthouse) say(line);
} catch (error) {
  exitCode = 1;
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  for (const log of ["server-1x.log", "server-10x.log"].map((f) => path.join(tmp, f)).filter((f) => existsSync(f))) {
    console.error(`--- last lines of ${log}:\n${readFileSync(log, "utf8").split("\n").slice(-15).join("\n")}`);
  }
  console.error(`logs kept in ${tmp}`);
} finally {
  await bare?.stop();
  for (const s of servers) await s.stop();
  if (!keep) await dbs.drop().catch((e: unknown) => console.error(`could not drop the bench databases: ${String(e)}`));
  if (exitCode === 0 && !keep) rmSync(tmp, { recursive: true, force: true });
  else say(`kept: ${tmp}${dbs.kind === "postgresql" && keep ? `, ${dbs.one}, ${dbs.ten}` : ""}`);
}
say(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(exitCode);
