/**
 * Gauges read when Prometheus scrapes: the outbox (backlog, oldest pending, failed) and the
 * PostgreSQL pool of this process. Registered once per process by startServerServices.
 */
import { Gauge } from "prom-client";
import type { Db } from "~/server/db/client";
import { postgresPools } from "~/server/db/client";
import { metrics } from "~/server/ops/metrics.mjs";

export function registerGauges(getDb: () => Promise<Db>): void {
  if (metrics.gaugesRegistered) return;
  metrics.gaugesRegistered = true;
  const registers = [metrics.registry];
  let outbox: Promise<{ pending: number; failed: number; oldest: number }> | null = null;
  const readOutbox = () =>
    (outbox ??= (async () => {
      const db = await getDb();
      const [row] = await db.$queryRaw<{ pending: number; failed: number; oldest: Date | null }[]>`
        SELECT count(*) FILTER (WHERE "status" = 'PENDING')::int AS pending,
               count(*) FILTER (WHERE "status" = 'FAILED')::int AS failed,
               min("createdAt") FILTER (WHERE "status" = 'PENDING') AS oldest
        FROM "OutboxMessage"`;
      return {
        pending: row?.pending ?? 0,
        failed: row?.failed ?? 0,
        oldest: row?.oldest ? (Date.now() - row.oldest.getTime()) / 1000 : 0,
      };
    })().finally(() => setTimeout(() => (outbox = null), 1_000)));

  new Gauge({
    name: "spo_outbox_pending",
    help: "Messages waiting to be sent",
    registers,
    async collect() {
      this.set((await readOutbox()).pending);
    },
  });
  new Gauge({
    name: "spo_outbox_oldest_pending_seconds",
    help: "Age of the oldest message waiting to be sent",
    registers,
    async collect() {
      this.set((await readOutbox()).oldest);
    },
  });
  new Gauge({
    name: "spo_outbox_failed",
    help: "Messages given up after the last attempt",
    registers,
    async collect() {
      this.set((await readOutbox()).failed);
    },
  });
  new Gauge({
    name: "spo_db_pool_connections",
    help: "PostgreSQL pool connections of this process by state",
    labelNames: ["state"],
    registers,
    collect() {
      const sum = (f: (p: (typeof postgresPools)[number]) => number) => postgresPools.reduce((n, p) => n + f(p), 0);
      this.set(
        { state: "total" },
        sum((p) => p.totalCount),
      );
      this.set(
        { state: "idle" },
        sum((p) => p.idleCount),
      );
      this.set(
        { state: "waiting" },
        sum((p) => p.waitingCount),
      );
    },
  });
}
