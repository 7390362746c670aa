// Runs the real Prisma CLI through the schema-engine shim (prisma.config.ts points the CLI at
// it), on a fresh PGlite directory and, when a server is available, a fresh PostgreSQL database.
// PostgreSQL: TEST_DATABASE_URL is the admin URL (e.g. postgresql://postgres@127.0.0.1:5432/test)
// used to drop the spo_tmp_* database afterwards; without it, 127.0.0.1:5432 is used if it answers.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "./database-url.mjs";
import { acquirePgliteLock, readPgliteLock } from "./pglite-lock.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const prismaCli = path.join(root, "node_modules/prisma/build/index.js");
const shim = path.join(root, "prisma/engine/schema-engine.mjs");
const lockModule = path.join(root, "prisma/engine/pglite-lock.mjs");
const migrationNames = fs
  .readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

type CliResult = { code: number; stdout: string; stderr: string };
type RpcReply = {
  id: number;
  method?: string;
  params?: { content: string };
  result?: unknown;
  error?: {
    code: number;
    data: { is_panic: boolean; message: string; error_code?: string; meta?: Record<string, string> };
  };
};

/** Runs `prisma <args>` from the repository root, as a developer would. */
function prisma(args: string[], databaseUrl: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" };
  delete env.SHADOW_DATABASE_URL;
  delete env.PRISMA_SCHEMA_ENGINE_BINARY; // prove that prisma.config.ts alone selects the shim
  return new Promise((resolve) => {
    execFile(process.execPath, [prismaCli, ...args], { cwd: root, env, timeout: 300_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

const localServer = "postgresql://postgres@127.0.0.1:5432/test";
const adminUrl = process.env.TEST_DATABASE_URL ?? ((await reachable("127.0.0.1", 5432)) ? localServer : null);

type Backend = { name: string; setup: () => Promise<string>; teardown: () => Promise<void> };

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "spo-engine-it-"));
const backends: Backend[] = [
  {
    name: "PGlite",
    setup: async () => `file:${path.join(tmpRoot, "pglite")}`,
    teardown: async () => {},
  },
];
if (adminUrl) {
  const database = `spo_tmp_${randomBytes(6).toString("hex")}`;
  backends.push({
    name: "PostgreSQL",
    // The database does not exist yet: `migrate deploy` creates it (cli create-database).
    setup: async () => withDatabase(adminUrl, database),
    teardown: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  });
}

afterAll(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

describe.each(backends)("Prisma CLI through the shim on $name", (backend) => {
  let url = "";
  beforeAll(async () => {
    url = await backend.setup();
  });
  afterAll(async () => {
    await backend.teardown();
  });

  it("migrate deploy applies every migration to a fresh database", async () => {
    const result = await prisma(["migrate", "deploy"], url);
    expect(result.stderr + result.stdout).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created at");
    expect(result.stdout).toContain("All migrations have been successfully applied.");
    for (const name of migrationNames) expect(result.stdout).toContain(name);
  });

  it("migrate status reports the database schema is up to date", async () => {
    const result = await prisma(["migrate", "status"], url);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Database schema is up to date!");
  });

  it("migrate diff finds no difference between the migrations and schema.prisma", async () => {
    const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma"];
    const result = await prisma([...args, "--exit-code"], url);
    expect(result.stdout).toContain("No difference detected.");
    expect(result.code).toBe(0);
  });

  it("migrate diff finds no difference between the deployed database and schema.prisma", async () => {
    const args = ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"];
    const result = await prisma(args, url);
    expect(result.stdout).toContain("No difference detected.");
    expect(result.code).toBe(0);
  });
});

describe("engine protocol", () => {
  /** Starts the shim as the CLI does and returns a request function. */
  function startEngine(datasourceUrl: string) {
    const child: ChildProcess = spawn(
      process.execPath,
      [shim, "--datasource", JSON.stringify({ url: datasourceUrl })],
      {
        cwd: root,
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    const stderr: string[] = [];
    readline.createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
    const pending = new Map<number, (message: RpcReply) => void>();
    const prints: string[] = [];
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const message = JSON.parse(line) as RpcReply;
      if (message.method === "print") {
        prints.push(message.params?.content ?? "");
        child.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", id: message.id, result: {} })}\n`);
      } else pending.get(message.id)?.(message);
    });
    let nextId = 1;
    const request = (method: string, params: unknown) =>
      new Promise<RpcReply>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
      });
    const stop = () =>
      new Promise<number | null>((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.stdin!.end();
        child.kill("SIGTERM");
      });
    return { request, stop, stderr, prints };
  }

  const filters = { externalTables: [], externalEnums: [] };
  const schema = {
    files: [
      {
        path: path.join(root, "prisma/schema.prisma"),
        content: fs.readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"),
      },
    ],
  };

  it("answers, prints diffs, recovers from bad parameters, reports P3018, and logs JSON only", async () => {
    const engine = startEngine("file::memory:");

    const version = await engine.request("getDatabaseVersion", undefined);
    expect(version.result).toContain("PGlite");

    const bad = await engine.request("diff", {});
    expect(bad.error?.data.message).toMatch(/Invalid parameters for `diff`.*missing field `from`/);

    const diff = await engine.request("diff", {
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters,
    });
    expect(diff.result).toEqual({ exitCode: 2 });
    expect(engine.prints.join("\n")).toContain('CREATE TABLE "ProgrammeSession"');

    const migrationsList = {
      baseDir: path.join(tmpRoot, "migrations"),
      lockfile: { path: "migration_lock.toml", content: null },
      shadowDbInitScript: "",
      migrationDirectories: [
        {
          path: "20250101000000_ok",
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: "CREATE TABLE ok (id int);" } },
        },
        {
          path: "20250102000000_broken",
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: "SELEC 1;" } },
        },
      ],
    };
    const failed = await engine.request("applyMigrations", { migrationsList, filters });
    expect(failed.error?.data).toMatchObject({
      error_code: "P3018",
      meta: { migration_name: "20250102000000_broken", database_error_code: "42601" },
    });

    expect(await engine.stop()).toBe(0);
    for (const line of engine.stderr) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it("cli can-connect-to-database reports a missing PGlite directory as P1003", async () => {
    const dir = path.join(tmpRoot, "missing");
    const result = await new Promise<CliResult>((resolve) => {
      execFile(
        process.execPath,
        [shim, "--datasource", JSON.stringify({ url: `file:${dir}` }), "cli", "can-connect-to-database"],
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code).toBe(1);
    const [, ...rest] = result.stderr.trim().split("\n");
    expect(rest.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({
        level: "ERROR",
        target: "schema_engine::logger",
        fields: expect.objectContaining({ error_code: "P1003" }),
      }),
    );
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("PGlite directory lock across processes", () => {
  /** Starts another process that takes the lock and holds it until killed. */
  async function startHolder(dir: string) {
    const script = `import { acquirePgliteLock } from ${JSON.stringify(lockModule)};
await acquirePgliteLock(${JSON.stringify(dir)}, { owner: "integration holder" });
console.log("locked"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return child;
  }

  it("refuses a second live holder, then takes over the lock once that holder is dead", async () => {
    const dir = path.join(tmpRoot, "locked-db");
    const holder = await startHolder(dir);
    try {
      await expect(acquirePgliteLock(dir, { waitMs: 300, owner: "test" })).rejects.toThrow(
        new RegExp(`is in use by process ${holder.pid} \\(integration holder\\).*stop it first`),
      );
    } finally {
      const exited = new Promise((resolve) => holder.once("exit", resolve));
      holder.kill("SIGKILL"); // no chance to release: the lock file stays behind
      await exited;
    }
    expect(readPgliteLock(dir)?.pid).toBe(holder.pid);
    const release = await acquirePgliteLock(dir, { waitMs: 0, owner: "test" });
    expect(readPgliteLock(dir)).toMatchObject({ pid: process.pid, owner: "test" });
    release();
    expect(readPgliteLock(dir)).toBeNull();
  });
});
