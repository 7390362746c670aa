#!/usr/bin/env node
/**
 * `npm start` with WEB_CONCURRENCY > 1 (PostgreSQL only): one primary process that forks that
 * many copies of scripts/serve.mjs sharing one port (node:cluster hands out the connections).
 * Every worker is a full instance — its own database pool, mail worker and page cache — exactly
 * like separate instances behind a proxy. A worker that dies is started again; SIGTERM/SIGINT go
 * to every worker, each drains its requests, and the primary exits when the last has.
 *
 * Usage: node scripts/cluster.mjs <processes> [--dev]
 */
import cluster from "node:cluster";
import path from "node:path";
import { log } from "../server/ops/log.mjs";
import { root } from "./lib.mjs";

const count = Math.max(1, Number(process.argv[2] ?? 1));
cluster.setupPrimary({ exec: path.join(root, "scripts", "serve.mjs"), args: process.argv.slice(3) });

let stopping = false;
for (let i = 0; i < count; i += 1) cluster.fork({ WORKER_INDEX: String(i) });
log.info({ workers: count }, `serving with ${count} processes`);

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  log.error({ pid: worker.process.pid, code, signal }, "a server process exited; starting another");
  setTimeout(() => {
    if (!stopping) cluster.fork();
  }, 1_000);
});

for (const sig of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w?.process.kill(sig);
  });
}
