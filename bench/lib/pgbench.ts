/**
 * The same booking transaction run by pgbench (bench/pgbench-booking.sql) on the bench's
 * PostgreSQL database: transactions/s and per-transaction latency from its log (-l).
 */
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { FIXTURE } from "~/bench/lib/data";
import { percentile } from "~/bench/lib/stats";

/** pgbench's version line, or null when it is not installed. */
export function pgbenchVersion(): string | null {
  try {
    return execFileSync("pgbench", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

export type PgbenchResult = {
  tps: number;
  p50: number;
  p99: number;
  transactions: number;
  failed: number;
  /** pgbench's lines about aborted clients, if any. */
  aborts: string[];
};

/** pgbench wants a database URL without Prisma's query parameters. */
const libpqUrl = (url: string) => url.split("?")[0]!;

export async function runPgbench(opts: {
  url: string;
  clients: number;
  seconds: number;
  dir: string;
  tag: string;
}): Promise<PgbenchResult> {
  const prefix = path.join(opts.dir, `pgbench-${opts.tag}`);
  const args = [
    "-n",
    "-c",
    String(opts.clients),
    "-j",
    "2",
    "-T",
    String(opts.seconds),
    "-D",
    `people=${FIXTURE.pgPeople}`,
    "-D",
    `sessions=${FIXTURE.pgSessions}`,
    "-f",
    path.join("bench", "pgbench-booking.sql"),
    "-l",
    `--log-prefix=${prefix}`,
    libpqUrl(opts.url),
  ];
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("pgbench", args, { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d: Buffer) => (text += d.toString()));
    child.stderr.on("data", (d: Buffer) => (text += d.toString()));
    child.on("error", reject);
    // pgbench exits 2 when a client aborted on an error; the summary is still printed.
    child.on("exit", () => resolve(text));
  });
  const latencies: number[] = [];
  for (const file of readdirSync(opts.dir).filter((f) => f.startsWith(`pgbench-${opts.tag}.`))) {
    const full = path.join(opts.dir, file);
    for (const line of readFileSync(full, "utf8").split("\n")) {
      // client_id transaction_no time_us script_no time_epoch time_us_fraction
      const us = Number(line.split(" ")[2]);
      if (Number.isFinite(us) && line) latencies.push(us / 1000);
    }
    rmSync(full);
  }
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? NaN);
  if (!Number.isFinite(tps)) throw new Error(`pgbench gave no result:\n${out}`);
  const failed =
    Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0) + (out.match(/aborted/g)?.length ?? 0);
  return {
    tps,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    transactions: latencies.length,
    failed,
    aborts: out
      .split("\n")
      .filter((l) => /aborted|error/i.test(l))
      .slice(0, 3),
  };
}
