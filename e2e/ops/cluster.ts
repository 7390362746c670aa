/**
 * Running real app instances from a test or a bench: prepare a database (migrate + demo seed),
 * start `scripts/serve.mjs` as production does, sign in through Auth.js and call tRPC over HTTP.
 * Used by e2e/ops/*.spec.ts and bench/faults.ts.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = process.cwd();

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function runNode(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, timeout: 300_000 }, (e, out, err) =>
      e ? reject(new Error(`${args.join(" ")}: ${err || out}`)) : resolve(out),
    );
  });
}

export const tsxCli = path.join("node_modules", "tsx", "dist", "cli.mjs");

/** Migrations and the demo programme (with demo accounts) in the database `url` names. */
export async function prepareDatabase(url: string): Promise<void> {
  const env = { DATABASE_URL: url, SEED_DEMO: "1" };
  await runNode([path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma", "engine", "schema-engine.mjs"),
  });
  await runNode([tsxCli, "prisma/seed/main.ts", "--demo"], env);
}

/** One production instance (scripts/serve.mjs) on `port`. */
export function startInstance(opts: { port: number; databaseUrl: string; env?: Record<string, string> }): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(opts.port),
      HOST: "127.0.0.1",
      DATABASE_URL: opts.databaseUrl,
      APP_URL: `http://localhost:${opts.port}`,
      AUTH_SECRET: "cluster-test-secret-0123456789abcdefghij",
      SMTP_URL: "",
      DEV_MAIL_VIEWER: "0",
      ...opts.env,
    },
  });
}

export async function waitReady(base: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (
      await fetch(`${base}/api/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} never became ready`);
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through Auth.js's credentials endpoint; returns the session cookie (or null) and the redirect. */
export async function signIn(base: string, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/password`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/my` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  return { cookie: session ?? null, location: res.headers.get("location") ?? "" };
}

/** One tRPC call over HTTP as the holder of `cookie`. */
export async function trpc(base: string, cookie: string, procedure: string, input: unknown, method: "GET" | "POST") {
  const body = JSON.stringify({ json: input });
  const url =
    method === "GET"
      ? `${base}/api/trpc/${procedure}?input=${encodeURIComponent(body)}`
      : `${base}/api/trpc/${procedure}`;
  const res = await fetch(url, {
    method,
    headers: { cookie, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    body: method === "POST" ? body : undefined,
  });
  const json = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!res.ok) throw new Error(`${procedure} ${res.status}: ${JSON.stringify(json.error)}`);
  return json.result!.data.json;
}

export type Fixture = {
  people: { email: string; password: string }[];
  organiser: { email: string; password: string };
  sessionId: string;
};

/** `count` participants who may book, an organiser and a session of count/2 seats (e2e/ops/cluster-fixture.ts). */
export async function createFixture(databaseUrl: string, count: number): Promise<Fixture> {
  const out = await runNode([tsxCli, "e2e/ops/cluster-fixture.ts", String(count)], { DATABASE_URL: databaseUrl });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Fixture;
}
