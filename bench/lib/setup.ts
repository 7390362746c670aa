/**
 * Where the bench runs: its databases (fresh PostgreSQL databases on TEST_DATABASE_URL's server,
 * or embedded directories in a temporary folder), the machine it runs on, and the build.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { withDatabase } from "~/e2e/ops/cluster";

export type Databases = {
  kind: "postgresql" | "embedded";
  one: string;
  ten: string;
  version: string;
  drop: () => Promise<void>;
};

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.split("?")[0] });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabases(tmp: string): Promise<Databases> {
  const server = process.env.TEST_DATABASE_URL?.trim();
  if (!server) {
    return {
      kind: "embedded",
      one: `file:${path.join(tmp, "db-1x")}`,
      ten: `file:${path.join(tmp, "db-10x")}`,
      version: "PGlite (embedded, in the server process)",
      drop: async () => {},
    };
  }
  const names = ["1x", "10x"].map((s) => `spo_bench_${randomBytes(3).toString("hex")}_${s}`);
  const version = await admin(server, async (c) => {
    for (const name of names) await c.query(`CREATE DATABASE "${name}"`);
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return `PostgreSQL ${rows[0]?.v}`;
  });
  return {
    kind: "postgresql",
    one: withDatabase(server, names[0]!),
    ten: withDatabase(server, names[1]!),
    version,
    drop: () =>
      admin(server, async (c) => {
        for (const name of names) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}

export function machineLine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${gib} GiB, ${os.type()} ${os.release()}, Node ${process.version}, load average ${load}`;
}

export function commitLine(): string {
  try {
    const run = (args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: "pipe" }).trim();
    const dirty = run(["status", "--porcelain", "--untracked-files=no"]) ? " (with uncommitted changes)" : "";
    return `${run(["rev-parse", "--abbrev-ref", "HEAD"])} ${run(["rev-parse", "--short", "HEAD"])}${dirty}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

/** `next build` when the sources changed since the last one (scripts/build.mjs), output to `logFile`. */
export function buildApp(logFile: string): Promise<void> {
  const out = openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    ["--input-type=module", "-e", "const m = await import('./scripts/build.mjs'); await m.buildIfNeeded();"],
    { stdio: ["ignore", out, out] },
  );
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the build failed; see ${logFile}`))));
  });
}
